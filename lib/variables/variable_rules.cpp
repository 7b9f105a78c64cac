#include "variables/variable_rules.h"

#include <QCoreApplication>

#include <algorithm>

namespace pipedeck::variables {

namespace {

bool isKeyCharacter(QChar c)
{
    // ASCII only, as GitLab's /\A[a-zA-Z0-9_]+\z/: QChar::isLetterOrNumber would accept "é".
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') ||
           u == u'_';
}

bool hasOnlyKeyCharacters(const QString &key)
{
    return std::all_of(key.cbegin(), key.cend(), isKeyCharacter);
}

bool hasOuterWhitespace(const QString &value)
{
    return !value.isEmpty() && (value.front().isSpace() || value.back().isSpace());
}

bool isDuplicateKey(const QList<VariableRow> &rows, int row)
{
    const QString &key = rows.at(row).key;
    for (int other = 0; other < rows.size(); ++other) {
        if (other != row && rows.at(other).key == key)
            return true;
    }
    return false;
}

RowIssue issue(RowIssue::Kind kind, bool blocking, const char *text)
{
    return RowIssue{kind, blocking,
                    QCoreApplication::translate("pipedeck::variables::VariableRules", text)};
}

} // namespace

QList<RowIssue> rowIssues(const QList<VariableRow> &rows, int row, const VariableRules &rules)
{
    QList<RowIssue> issues;
    if (row < 0 || row >= rows.size())
        return issues;
    const VariableRow &current = rows.at(row);
    if (current.isBlank())
        return issues;

    using Kind = RowIssue::Kind;
    if (current.key.isEmpty()) {
        issues.append(issue(
            Kind::KeyEmpty, true,
            QT_TRANSLATE_NOOP("pipedeck::variables::VariableRules", "This value has no key.")));
    } else {
        if (!hasOnlyKeyCharacters(current.key)) {
            issues.append(issue(Kind::KeyInvalidCharacters, true,
                                QT_TRANSLATE_NOOP("pipedeck::variables::VariableRules",
                                                  "Keys may contain only letters, digits and _.")));
        }
        if (current.key.size() > maxVariableKeyLength) {
            issues.append(issue(Kind::KeyTooLong, true,
                                QT_TRANSLATE_NOOP("pipedeck::variables::VariableRules",
                                                  "Keys may be at most 255 characters long.")));
        }
        if (isDuplicateKey(rows, row)) {
            issues.append(issue(Kind::KeyDuplicate, true,
                                QT_TRANSLATE_NOOP("pipedeck::variables::VariableRules",
                                                  "Another variable has the same key.")));
        }
    }
    if (current.type == gitlab::VariableType::File && !rules.typesAllowed) {
        issues.append(issue(Kind::FileNotAllowed, true,
                            QT_TRANSLATE_NOOP("pipedeck::variables::VariableRules",
                                              "File variables cannot be sent here.")));
    }
    if (hasOuterWhitespace(current.value)) {
        issues.append(issue(Kind::ValueWhitespace, false,
                            QT_TRANSLATE_NOOP("pipedeck::variables::VariableRules",
                                              "The value starts or ends with whitespace.")));
    }
    return issues;
}

bool canSend(const QList<VariableRow> &rows, const VariableRules &rules)
{
    for (int row = 0; row < rows.size(); ++row) {
        const QList<RowIssue> issues = rowIssues(rows, row, rules);
        if (std::any_of(issues.cbegin(), issues.cend(),
                        [](const RowIssue &found) { return found.blocking; }))
            return false;
    }
    return true;
}

} // namespace pipedeck::variables
