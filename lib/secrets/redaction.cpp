#include "secrets/redaction.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <memory>
#include <string_view>

namespace pipedeck {

namespace {

// doc/security/tokens/_index.md of GitLab: the documented prefixes.
constexpr std::array<std::string_view, 12> tokenPrefixes{
    "glpat-",  "glptt-", "gldt-",  "glrt-",    "glcbt-",  "gloas-",
    "glsoat-", "glft-",  "glimt-", "glagent-", "glffct-", "GR1348941",
};

template<typename Char> constexpr bool isTokenChar(Char c)
{
    return (c >= Char('a') && c <= Char('z')) || (c >= Char('A') && c <= Char('Z')) ||
           (c >= Char('0') && c <= Char('9')) || c == Char('_') || c == Char('-');
}

template<typename Char>
bool hasPrefixAt(const Char *text, qsizetype length, qsizetype at, std::string_view prefix)
{
    if (length - at < static_cast<qsizetype>(prefix.size()))
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        if (text[at + static_cast<qsizetype>(i)] != Char(static_cast<unsigned char>(prefix[i])))
            return false;
    }
    return true;
}

// End of the token body starting at `from`. A dot belongs to the token (routable tokens
// have one) only when a token character follows, so a sentence's full stop survives.
template<typename Char> qsizetype tokenEnd(const Char *text, qsizetype length, qsizetype from)
{
    qsizetype end = from;
    while (end < length) {
        if (isTokenChar(text[end]))
            ++end;
        else if (text[end] == Char('.') && end + 1 < length && isTokenChar(text[end + 1]))
            end += 2;
        else
            break;
    }
    return end;
}

const char16_t *units(const QString &text)
{
    return reinterpret_cast<const char16_t *>(text.utf16());
}

const char *units(const QByteArray &text)
{
    return text.constData();
}

QString marker(const QString &)
{
    return QString(redactedMarker);
}

QByteArray marker(const QByteArray &)
{
    return QByteArray(redactedMarker.data(), redactedMarker.size());
}

qsizetype find(const QString &text, std::string_view what, qsizetype from)
{
    return text.indexOf(QLatin1StringView(what.data(), static_cast<qsizetype>(what.size())), from);
}

qsizetype find(const QByteArray &text, std::string_view what, qsizetype from)
{
    return text.indexOf(QByteArrayView(what.data(), static_cast<qsizetype>(what.size())), from);
}

// Every prefix but the runner registration one starts with "gl"; both are found with Qt's
// vectorised substring search, so text without tokens costs two scans and nothing else.
template<typename Str> Str maskPrefixedTokens(const Str &text)
{
    constexpr std::string_view common = "gl";
    constexpr std::string_view runner = "GR1348941";
    const auto *data = units(text);
    const qsizetype length = text.size();
    Str out;
    qsizetype copied = 0;
    qsizetype nextCommon = find(text, common, 0);
    qsizetype nextRunner = find(text, runner, 0);
    while (nextCommon >= 0 || nextRunner >= 0) {
        const qsizetype at = nextCommon < 0   ? nextRunner
                             : nextRunner < 0 ? nextCommon
                                              : std::min(nextCommon, nextRunner);
        for (std::string_view prefix : tokenPrefixes) {
            if (!hasPrefixAt(data, length, at, prefix))
                continue;
            const qsizetype bodyStart = at + static_cast<qsizetype>(prefix.size());
            const qsizetype end = tokenEnd(data, length, bodyStart);
            if (end > bodyStart) {
                out.append(text.mid(copied, bodyStart - copied));
                out.append(marker(text));
                copied = end;
            }
            break;
        }
        const qsizetype from = std::max(at + 1, copied);
        if (nextCommon >= 0 && nextCommon < from)
            nextCommon = find(text, common, from);
        if (nextRunner >= 0 && nextRunner < from)
            nextRunner = find(text, runner, from);
    }
    if (copied == 0)
        return text;
    out.append(text.mid(copied));
    return out;
}

bool isUnreserved(char16_t c)
{
    return isTokenChar(c) || c == u'.' || c == u'~';
}

// A hex digit that matches either case: 'a' -> "[aA]".
QString hexDigitPattern(int value)
{
    const QChar upper = QChar::fromLatin1("0123456789ABCDEF"[value & 0xf]);
    if (upper.isDigit())
        return QString(upper);
    return u'[' + QString(upper.toLower()) + QString(upper) + u']';
}

QString percentPattern(const QByteArray &utf8)
{
    QString pattern;
    for (char byte : utf8) {
        const auto b = static_cast<unsigned char>(byte);
        pattern += u'%' + hexDigitPattern(b >> 4) + hexDigitPattern(b & 0xf);
    }
    return pattern;
}

QString jsonUnicodeEscapePattern(const QString &units)
{
    QString pattern;
    for (QChar unit : units) {
        pattern += QStringLiteral("\\\\u");
        for (int shift = 12; shift >= 0; shift -= 4)
            pattern += hexDigitPattern(unit.unicode() >> shift);
    }
    return pattern;
}

// A pattern for one secret in any of the forms it takes in URLs (percent-encoded in either
// hex case, partly or wholly; '+' for space in forms) and JSON (\" \\ \/ \uXXXX), character
// by character, so mixed encodings match too. `bytes`: the pattern runs on Latin-1-decoded
// bytes, where one character is one byte.
QString flexiblePattern(const QString &secret, bool bytes)
{
    QString pattern;
    for (qsizetype i = 0; i < secret.size(); ++i) {
        QString character(secret.at(i));
        if (secret.at(i).isHighSurrogate() && i + 1 < secret.size())
            character += secret.at(++i);
        const char16_t first = character.at(0).unicode();
        if (character.size() == 1 && first < 0x80 && isUnreserved(first)) {
            pattern += QRegularExpression::escape(character);
            continue;
        }
        const QByteArray utf8 = character.toUtf8();
        QStringList alternatives;
        alternatives << QRegularExpression::escape(bytes ? QString::fromLatin1(utf8) : character)
                     << percentPattern(utf8);
        if (first == u' ')
            alternatives << QStringLiteral("\\+");
        if (first == u'"' || first == u'\\' || first == u'/')
            alternatives << QStringLiteral("\\\\") + QRegularExpression::escape(character);
        if (first < 0x20 || first >= 0x7f)
            alternatives << jsonUnicodeEscapePattern(character);
        pattern += u"(?:" + alternatives.join(u'|') + u')';
    }
    return pattern;
}

bool needsFlexibleMatch(const QString &secret)
{
    return std::any_of(secret.cbegin(), secret.cend(),
                       [](QChar c) { return c.unicode() >= 0x80 || !isUnreserved(c.unicode()); });
}

struct Needles
{
    // Exact values, longest first, so a longer secret masks before any secret inside it.
    QList<QString> text;
    QList<QByteArray> bytes;
    // Encoded forms of secrets with characters that encodings change. Compiled before
    // publication and only matched afterwards, which QRegularExpression allows from any thread.
    QList<QRegularExpression> textPatterns;
    QList<QRegularExpression> bytePatterns;
};

class Registry
{
public:
    std::shared_ptr<const Needles> needles() const
    {
        QMutexLocker lock(&m_mutex);
        return m_needles;
    }

    bool add(const QByteArray &secret)
    {
        if (secret.size() < minimumRegisteredSecretLength)
            return false;
        QMutexLocker lock(&m_mutex);
        if (m_counts[secret]++ == 0)
            rebuild();
        return true;
    }

    void remove(const QByteArray &secret)
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_counts.find(secret);
        if (it == m_counts.end())
            return;
        if (--it.value() == 0) {
            m_counts.erase(it);
            rebuild();
        }
    }

    int count() const
    {
        QMutexLocker lock(&m_mutex);
        return static_cast<int>(m_counts.size());
    }

private:
    void rebuild()
    {
        auto needles = std::make_shared<Needles>();
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
            const QByteArray &raw = it.key();
            const QString text = QString::fromUtf8(raw);
            needles->bytes.append(raw);
            needles->text.append(text);
            if (needsFlexibleMatch(text)) {
                needles->textPatterns.append(compiled(flexiblePattern(text, false)));
                needles->bytePatterns.append(compiled(flexiblePattern(text, true)));
            }
        }
        const auto longestFirst = [](const auto &a, const auto &b) { return a.size() > b.size(); };
        std::sort(needles->text.begin(), needles->text.end(), longestFirst);
        std::sort(needles->bytes.begin(), needles->bytes.end(), longestFirst);
        m_needles = std::move(needles);
    }

    static QRegularExpression compiled(const QString &pattern)
    {
        QRegularExpression expression(pattern);
        expression.optimize();
        return expression;
    }

    mutable QMutex m_mutex;
    QHash<QByteArray, int> m_counts;
    std::shared_ptr<const Needles> m_needles = std::make_shared<const Needles>();
};

// Never destroyed: the message handler may run during static destruction.
Registry &registry()
{
    static auto *instance = new Registry;
    return *instance;
}

QString replacePatterns(QString text, const QList<QRegularExpression> &patterns)
{
    for (const QRegularExpression &pattern : patterns) {
        if (pattern.match(text).hasMatch())
            text.replace(pattern, QString(redactedMarker));
    }
    return text;
}

QByteArray replacePatterns(QByteArray text, const QList<QRegularExpression> &patterns)
{
    for (const QRegularExpression &pattern : patterns) {
        const QString latin1 = QString::fromLatin1(text);
        if (pattern.match(latin1).hasMatch())
            text = replacePatterns(latin1, {pattern}).toLatin1();
    }
    return text;
}

template<typename Str>
Str redact(const Str &text, const QList<Str> &needles, const QList<QRegularExpression> &patterns)
{
    if (text.isEmpty())
        return text;
    Str result = text;
    for (const Str &needle : needles) {
        if (result.contains(needle))
            result.replace(needle, marker(text));
    }
    if (!patterns.isEmpty())
        result = replacePatterns(std::move(result), patterns);
    return maskPrefixedTokens(result);
}

std::atomic<QtMessageHandler> previousHandler{nullptr};
std::atomic<bool> handlerInstalled{false};

void redactingMessageHandler(QtMsgType type, const QMessageLogContext &context,
                             const QString &message)
{
    const QString masked = redactSecrets(message);
    if (QtMessageHandler previous = previousHandler.load())
        previous(type, context, masked);
    else
        std::fprintf(stderr, "%s\n",
                     qFormatLogMessage(type, context, masked).toLocal8Bit().constData());
}

} // namespace

QString redactSecrets(const QString &text)
{
    const auto needles = registry().needles();
    return redact(text, needles->text, needles->textPatterns);
}

QByteArray redactSecrets(const QByteArray &text)
{
    const auto needles = registry().needles();
    return redact(text, needles->bytes, needles->bytePatterns);
}

bool registerSecret(const QString &secret)
{
    return registry().add(secret.toUtf8());
}

bool registerSecret(const QByteArray &secret)
{
    return registry().add(secret);
}

void unregisterSecret(const QString &secret)
{
    registry().remove(secret.toUtf8());
}

void unregisterSecret(const QByteArray &secret)
{
    registry().remove(secret);
}

int registeredSecretCount()
{
    return registry().count();
}

void installRedactingMessageHandler()
{
    if (handlerInstalled.exchange(true))
        return;
    previousHandler.store(qInstallMessageHandler(redactingMessageHandler));
}

void uninstallRedactingMessageHandler()
{
    if (!handlerInstalled.exchange(false))
        return;
    qInstallMessageHandler(previousHandler.exchange(nullptr));
}

} // namespace pipedeck
