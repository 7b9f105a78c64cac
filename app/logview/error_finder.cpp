#include "logview/error_finder.h"

#include "log/logengine.h"

#include <QPointer>
#include <QRegularExpression>
#include <QtConcurrent>

namespace pipedeck {

namespace {
bool isRed(log::LogColor colour)
{
    switch (colour.kind()) {
    case log::LogColor::Kind::Default:
        return false;
    case log::LogColor::Kind::Palette: {
        const int i = colour.paletteIndex();
        return i == 1 || i == 9 || i == 88 || i == 124 || i == 160 || i == 196;
    }
    case log::LogColor::Kind::Rgb: {
        const quint32 rgb = colour.rgbValue();
        const int r = int(rgb >> 16) & 0xff, g = int(rgb >> 8) & 0xff, b = int(rgb) & 0xff;
        return r >= 0xb0 && g < 0x70 && b < 0x70;
    }
    }
    return false;
}

const QRegularExpression &errorPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"((?i:\berror:|\bfatal:)|\bERROR\b|\bFAILED\b|\bFAILURE\b|)"
                       R"(^\s*Traceback \(most recent call last\)|\bnpm ERR!|)"
                       R"((?i:\bexit(?:ed with)? (?:code|status) [1-9]\d*))"));
    return pattern;
}
} // namespace

bool isErrorLine(const log::RenderedLine &line)
{
    for (const log::StyleRun &run : line.runs) {
        if (isRed(run.style.fg) && !run.style.has(log::Conceal) &&
            !QStringView(line.text).mid(run.from, run.to - run.from).trimmed().isEmpty())
            return true;
    }
    return !line.text.isEmpty() && errorPattern().match(line.text).hasMatch();
}

ErrorFinder::ErrorFinder(QObject *parent)
    : QObject(parent)
{}

ErrorFinder::~ErrorFinder()
{
    cancel();
    if (m_future.isValid())
        m_future.waitForFinished();
}

void ErrorFinder::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_id;
}

bool ErrorFinder::isRunning() const
{
    return m_future.isValid() && !m_future.isFinished();
}

void ErrorFinder::find(std::shared_ptr<const log::LogEngine> engine, qint64 fromLine, bool forward)
{
    cancel();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = m_id;
    auto cancelFlag = m_cancel;
    QPointer<ErrorFinder> self(this);
    m_future = QtConcurrent::run([=] {
        constexpr qint64 kBatch = 2048;
        const qint64 total = engine->lineCount();
        qint64 result = -1;
        bool wrapped = false;
        // Two legs: from the start point to the end of the log, then round from the other end.
        auto scan = [&](qint64 first, qint64 last) { // inclusive, in search order
            if (forward) {
                for (qint64 batch = first; batch <= last && !*cancelFlag; batch += kBatch) {
                    const auto lines = engine->lines(batch, qMin(kBatch, last - batch + 1));
                    for (qsizetype i = 0; i < lines.size(); ++i) {
                        if (isErrorLine(lines[i]))
                            return batch + i;
                    }
                }
            } else {
                for (qint64 batchEnd = first; batchEnd >= last && !*cancelFlag;
                     batchEnd -= kBatch) {
                    const qint64 batch = qMax(last, batchEnd - kBatch + 1);
                    const auto lines = engine->lines(batch, batchEnd - batch + 1);
                    for (qsizetype i = lines.size() - 1; i >= 0; --i) {
                        if (isErrorLine(lines[i]))
                            return batch + i;
                    }
                }
            }
            return qint64(-1);
        };
        if (total > 0) {
            if (forward) {
                result = scan(fromLine + 1, total - 1);
                if (result < 0 && !*cancelFlag) {
                    result = scan(0, qMin(fromLine, total - 1));
                    wrapped = result >= 0;
                }
            } else {
                result = scan(qMin(fromLine - 1, total - 1), 0);
                if (result < 0 && !*cancelFlag) {
                    result = scan(total - 1, qMax<qint64>(0, fromLine));
                    wrapped = result >= 0;
                }
            }
        }
        if (*cancelFlag)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, id, result, wrapped] {
                if (!self || self->m_id != id)
                    return;
                if (result >= 0)
                    Q_EMIT self->found(result, wrapped);
                else
                    Q_EMIT self->notFound();
            },
            Qt::QueuedConnection);
    });
}

} // namespace pipedeck
