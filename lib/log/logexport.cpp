#include "log/logexport.h"

#include "log/logpalette.h"
#include "log/logsyntax.h"

#include <QByteArray>

namespace pipedeck::log {

namespace {

constexpr qint64 kBatchLines = 4096;

// Collects output and writes it in large pieces.
class Sink
{
public:
    explicit Sink(QIODevice &device)
        : m_device(device)
    {
        m_buffer.reserve(kFlushAt + 4096);
    }
    ~Sink() { flush(); }
    Sink &operator<<(QByteArrayView bytes)
    {
        m_buffer.append(bytes);
        if (m_buffer.size() >= kFlushAt)
            flush();
        return *this;
    }
    Sink &operator<<(const char *text) { return *this << QByteArrayView(text); }
    Sink &operator<<(const QByteArray &bytes) { return *this << QByteArrayView(bytes); }
    Sink &operator<<(const QString &text) { return *this << QByteArrayView(text.toUtf8()); }
    Sink &operator<<(char c)
    {
        m_buffer.append(c);
        return *this;
    }
    bool flush()
    {
        if (!m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.clear();
        return m_ok;
    }

private:
    static constexpr qsizetype kFlushAt = 1 << 20;
    QIODevice &m_device;
    QByteArray m_buffer;
    bool m_ok = true;
};

template<typename Fn> void forEachLine(const LogEngine &engine, Fn &&fn)
{
    const qint64 total = engine.lineCount();
    for (qint64 first = 0; first < total; first += kBatchLines) {
        const QList<RenderedLine> batch = engine.lines(first, kBatchLines);
        for (qsizetype i = 0; i < batch.size(); ++i)
            fn(first + i, batch[i]);
    }
}

QByteArray jsonString(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out.append("\\\"");
            break;
        case '\\':
            out.append("\\\\");
            break;
        case '\n':
            out.append("\\n");
            break;
        case '\r':
            out.append("\\r");
            break;
        case '\t':
            out.append("\\t");
            break;
        default:
            if (uchar(c) < 0x20) {
                static constexpr char kHex[] = "0123456789abcdef";
                out.append("\\u00");
                out.append(kHex[uchar(c) >> 4]);
                out.append(kHex[uchar(c) & 15]);
            } else {
                out.append(c);
            }
        }
    }
    out.append('"');
    return out;
}

QByteArray jsonColour(LogColor colour)
{
    return colour.isDefault() ? QByteArray("null") : jsonString(colourName(colour));
}

QByteArray jsonBool(bool b)
{
    return b ? QByteArray("true") : QByteArray("false");
}

QByteArray htmlEscaped(QStringView text)
{
    QByteArray out;
    const QByteArray utf8 = text.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        switch (c) {
        case '&':
            out.append("&amp;");
            break;
        case '<':
            out.append("&lt;");
            break;
        case '>':
            out.append("&gt;");
            break;
        case '"':
            out.append("&quot;");
            break;
        case '\'':
            out.append("&#39;");
            break;
        default:
            // Control bytes other than tab are not valid in HTML text.
            if (uchar(c) < 0x20 && c != '\t')
                out.append("\xef\xbf\xbd");
            else
                out.append(c);
        }
    }
    return out;
}

QByteArray cssColour(quint32 rgb)
{
    return QByteArray("#") + QByteArray::number(rgb | 0x1000000, 16).mid(1);
}

QByteArray htmlLine(const RenderedLine &line)
{
    QByteArray out;
    qsizetype at = 0;
    for (const StyleRun &run : line.runs) {
        out += htmlEscaped(QStringView(line.text).mid(at, run.from - at));
        QByteArray css;
        if (!run.style.fg.isDefault())
            css += "color:" + cssColour(resolveRgb(run.style.fg, 0)) + ';';
        if (!run.style.bg.isDefault())
            css += "background:" + cssColour(resolveRgb(run.style.bg, 0)) + ';';
        if (run.style.has(Bold))
            css += "font-weight:bold;";
        if (run.style.has(Italic))
            css += "font-style:italic;";
        if (run.style.has(Underline) || run.style.has(Strike)) {
            css += "text-decoration:";
            if (run.style.has(Underline))
                css += " underline";
            if (run.style.has(Strike))
                css += " line-through";
            css += ';';
        }
        if (run.style.has(Conceal))
            css += "visibility:hidden;";
        out += "<span style=\"" + css + "\">" +
               htmlEscaped(QStringView(line.text).mid(run.from, run.to - run.from)) + "</span>";
        at = run.to;
    }
    out += htmlEscaped(QStringView(line.text).mid(at));
    return out;
}

} // namespace

QString colourName(LogColor colour)
{
    switch (colour.kind()) {
    case LogColor::Kind::Default:
        return {};
    case LogColor::Kind::Palette:
        return QStringLiteral("ansi:%1").arg(colour.paletteIndex());
    case LogColor::Kind::Rgb:
        return QStringLiteral("#%1").arg(colour.rgbValue(), 6, 16, QLatin1Char('0'));
    }
    return {};
}

bool writePlainText(const LogEngine &engine, QIODevice &out)
{
    Sink sink(out);
    forEachLine(engine, [&](qint64, const RenderedLine &line) { sink << line.text << '\n'; });
    return sink.flush();
}

bool writeJson(const LogEngine &engine, QIODevice &out)
{
    Sink sink(out);
    const std::vector<Section> sections = engine.sections();
    // Sections start in line order, so the innermost one of each line is
    // found by walking along with the lines instead of searching per line.
    sink << "{\"lines\":[";
    bool firstLine = true;
    forEachLine(engine, [&](qint64 index, const RenderedLine &line) {
        sink << (firstLine ? "\n" : ",\n");
        firstLine = false;
        sink << "{\"text\":" << jsonString(line.text) << ",\"timestamp\":"
             << (line.timestamp.isEmpty() ? QByteArray("null") : jsonString(line.timestamp))
             << ",\"section\":";
        const int section = engine.innermostSection(index);
        sink << (section < 0 ? QByteArray("null") : jsonString(sections[size_t(section)].name));
        sink << ",\"runs\":[";
        for (qsizetype r = 0; r < line.runs.size(); ++r) {
            const StyleRun &run = line.runs[r];
            sink << (r ? "," : "") << "{\"from\":" << QByteArray::number(run.from)
                 << ",\"to\":" << QByteArray::number(run.to)
                 << ",\"fg\":" << jsonColour(run.style.fg) << ",\"bg\":" << jsonColour(run.style.bg)
                 << ",\"bold\":" << jsonBool(run.style.has(Bold))
                 << ",\"italic\":" << jsonBool(run.style.has(Italic))
                 << ",\"underline\":" << jsonBool(run.style.has(Underline))
                 << ",\"strike\":" << jsonBool(run.style.has(Strike))
                 << ",\"conceal\":" << jsonBool(run.style.has(Conceal)) << '}';
        }
        sink << "]}";
    });
    sink << "\n],\"sections\":[";
    for (size_t i = 0; i < sections.size(); ++i) {
        const Section &s = sections[i];
        sink << (i ? ",\n" : "\n") << "{\"name\":" << jsonString(s.name)
             << ",\"start_line\":" << QByteArray::number(s.startLine) << ",\"end_line\":"
             << (s.isOpen() ? QByteArray("null") : QByteArray::number(s.endLine))
             << ",\"depth\":" << QByteArray::number(s.depth)
             << ",\"collapsed\":" << jsonBool(s.collapsed) << ",\"duration_seconds\":"
             << (s.isOpen() ? QByteArray("null") : QByteArray::number(s.durationSeconds())) << '}';
    }
    sink << "\n]}\n";
    return sink.flush();
}

bool writeHtml(const LogEngine &engine, QIODevice &out, const QString &title)
{
    Sink sink(out);
    sink << "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n<title>" << htmlEscaped(title)
         << "</title>\n<style>\n"
         << "body{margin:0;background:#1f1f1f;color:#e5e5e5}\n"
            ".log{font:13px/1.4 monospace;padding:8px;white-space:pre-wrap;"
            "overflow-wrap:anywhere}\n"
            ".log div{min-height:1.4em}\n"
            "details>summary{cursor:pointer;list-style-position:outside}\n"
            "details{margin-left:0}\n"
            ".duration{float:right;color:#a0a0a0;background:#333;border-radius:8px;"
            "padding:0 6px}\n"
            ".ts{color:#888;user-select:none}\n"
         << "</style></head>\n<body><div class=\"log\">\n";
    const std::vector<Section> sections = engine.sections();
    size_t nextSection = 0;
    std::vector<qint64> openEnds; // end lines of the <details> currently open
    forEachLine(engine, [&](qint64 index, const RenderedLine &line) {
        QByteArray content;
        if (!line.timestamp.isEmpty())
            content += "<span class=\"ts\">" + htmlEscaped(line.timestamp.mid(11, 8)) + "</span> ";
        content += htmlLine(line);
        bool summarised = false;
        while (nextSection < sections.size() && sections[nextSection].startLine == index) {
            const Section &s = sections[nextSection];
            const bool innermost =
                nextSection + 1 >= sections.size() || sections[nextSection + 1].startLine != index;
            sink << (s.collapsed ? "<details>" : "<details open>") << "<summary>";
            if (!s.isOpen() && !s.hideDuration)
                sink << "<span class=\"duration\">"
                     << htmlEscaped(syntax::formatSectionDuration(s.durationSeconds()))
                     << "</span>";
            sink << (innermost ? content : htmlEscaped(s.name)) << "</summary>\n";
            summarised = innermost;
            openEnds.push_back(s.isOpen() ? -1 : s.endLine);
            ++nextSection;
        }
        if (!summarised)
            sink << "<div>" << content << "</div>\n";
        while (!openEnds.empty() && openEnds.back() == index) {
            sink << "</details>\n";
            openEnds.pop_back();
        }
    });
    for (size_t i = 0; i < openEnds.size(); ++i)
        sink << "</details>\n";
    sink << "</div></body></html>\n";
    return sink.flush();
}

} // namespace pipedeck::log
