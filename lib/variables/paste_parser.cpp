#include "variables/paste_parser.h"

#include "variables/variables_json.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace pipedeck::variables {

namespace {

QStringView withoutLeadingSpace(QStringView text)
{
    qsizetype start = 0;
    while (start < text.size() && text.at(start).isSpace())
        ++start;
    return text.mid(start);
}

//! The position of a YAML mapping colon: followed by whitespace or the end of the line, so that
//! "C:\path" or "http://host" are not read as "key: value".
qsizetype yamlColon(QStringView line)
{
    for (qsizetype i = 0; i < line.size(); ++i) {
        if (line.at(i) == u':' && (i + 1 == line.size() || line.at(i + 1).isSpace()))
            return i;
    }
    return -1;
}

bool isPlausibleKey(QStringView key)
{
    return std::none_of(key.cbegin(), key.cend(),
                        [](QChar c) { return c.isSpace() || c == u'"' || c == u'\''; });
}

struct QuotedValue
{
    QString value;
    QString afterClosingQuote;
    bool closed = false;
};

//! Reads from just after the opening quote up to the closing one, continuing on the following
//! lines (lineIndex moves on) as a shell does.
QuotedValue readQuoted(const QStringList &lines, qsizetype &lineIndex, QStringView start,
                       QChar quote)
{
    QuotedValue quoted;
    QString buffer = start.toString();
    for (;;) {
        for (qsizetype pos = 0; pos < buffer.size(); ++pos) {
            const QChar c = buffer.at(pos);
            if (c == quote) {
                quoted.afterClosingQuote = buffer.mid(pos + 1);
                quoted.closed = true;
                return quoted;
            }
            if (quote == u'"' && c == u'\\' && pos + 1 < buffer.size()) {
                const QChar next = buffer.at(pos + 1);
                if (next == u'"' || next == u'\\' || next == u'n') {
                    quoted.value.append(next == u'n' ? QChar(u'\n') : next);
                    ++pos;
                    continue;
                }
            }
            quoted.value.append(c);
        }
        if (lineIndex + 1 >= lines.size())
            return quoted;
        ++lineIndex;
        quoted.value.append(u'\n');
        buffer = lines.at(lineIndex);
    }
}

QString problem(const char *text, qsizetype lineIndex)
{
    return QCoreApplication::translate("pipedeck::variables::PasteParser", text).arg(lineIndex + 1);
}

} // namespace

PasteResult parsePastedVariables(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(u'\r', u'\n');
    if (withoutLeadingSpace(normalised).startsWith(u'['))
        return importVariablesJson(normalised.toUtf8());

    PasteResult result;
    const QStringList lines = normalised.split(u'\n');
    for (qsizetype index = 0; index < lines.size(); ++index) {
        const qsizetype firstLine = index;
        QStringView line = withoutLeadingSpace(lines.at(index));
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;

        if (line.startsWith(u"export") && (line.size() == 6 || line.at(6).isSpace())) {
            line = withoutLeadingSpace(line.mid(6));
            if (line.isEmpty()) {
                result.problems.append(
                    problem(QT_TRANSLATE_NOOP("pipedeck::variables::PasteParser",
                                              "Line %1 has export without a variable."),
                            firstLine));
                continue;
            }
        }

        const qsizetype equals = line.indexOf(u'=');
        const qsizetype colon = yamlColon(line);
        if (equals < 0 && colon < 0) {
            result.problems.append(
                problem(QT_TRANSLATE_NOOP("pipedeck::variables::PasteParser",
                                          "Line %1 is not KEY=VALUE or KEY: value."),
                        firstLine));
            continue;
        }
        const bool isYaml = equals < 0 || (colon >= 0 && colon < equals);
        const qsizetype separator = isYaml ? colon : equals;
        const QStringView key = line.left(separator).trimmed();
        if (key.isEmpty()) {
            result.problems.append(
                problem(QT_TRANSLATE_NOOP("pipedeck::variables::PasteParser",
                                          "Line %1 has no key before the separator."),
                        firstLine));
            continue;
        }
        if (!isPlausibleKey(key)) {
            result.problems.append(
                problem(QT_TRANSLATE_NOOP("pipedeck::variables::PasteParser",
                                          "The key on line %1 contains spaces or quotes."),
                        firstLine));
            continue;
        }

        QStringView rawValue = line.mid(separator + 1);
        if (isYaml)
            rawValue = rawValue.trimmed();
        VariableRow row;
        row.key = key.toString();
        if (rawValue.startsWith(u'"') || rawValue.startsWith(u'\'')) {
            const QuotedValue quoted = readQuoted(lines, index, rawValue.mid(1), rawValue.front());
            if (!quoted.closed) {
                result.problems.append(
                    problem(QT_TRANSLATE_NOOP("pipedeck::variables::PasteParser",
                                              "The quote opened on line %1 is not closed."),
                            firstLine));
                continue;
            }
            const QStringView after = QStringView(quoted.afterClosingQuote).trimmed();
            if (!after.isEmpty() && !after.startsWith(u'#')) {
                result.problems.append(
                    problem(QT_TRANSLATE_NOOP("pipedeck::variables::PasteParser",
                                              "Line %1 has text after the closing quote."),
                            index));
                continue;
            }
            row.value = quoted.value;
        } else {
            row.value = rawValue.toString();
        }
        result.rows.append(row);
    }
    result.recognised = !result.rows.isEmpty();
    return result;
}

} // namespace pipedeck::variables
