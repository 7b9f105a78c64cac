#include "watch/watch_rules.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace pipedeck::watch {

namespace {

constexpr Outcome kAllOutcomes[] = {Outcome::Failed, Outcome::Succeeded, Outcome::Canceled,
                                    Outcome::ManualWaiting, Outcome::LongRunning};
constexpr int kMaxLongRunningMinutes = 7 * 24 * 60;

QJsonArray stringsToJson(const QStringList &strings)
{
    QJsonArray array;
    for (const QString &text : strings)
        array.append(text);
    return array;
}

QStringList stringsFromJson(const QJsonValue &value, const char *field, QStringList *problems)
{
    QStringList strings;
    if (value.isUndefined())
        return strings;
    if (!value.isArray()) {
        if (problems)
            problems->append(QString::fromLatin1(field) + QStringLiteral(" is not a list"));
        return strings;
    }
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString() && !item.toString().isEmpty())
            strings.append(item.toString());
    }
    return strings;
}

} // namespace

const char *outcomeKey(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Failed:
        return "failed";
    case Outcome::Succeeded:
        return "succeeded";
    case Outcome::Canceled:
        return "canceled";
    case Outcome::ManualWaiting:
        return "manual";
    case Outcome::LongRunning:
        return "long_running";
    }
    return "";
}

bool globMatches(const QString &glob, const QString &text)
{
    QString pattern;
    pattern.reserve(glob.size() * 2 + 4);
    for (const QChar c : glob) {
        if (c == QLatin1Char('*'))
            pattern += QStringLiteral(".*");
        else if (c == QLatin1Char('?'))
            pattern += QLatin1Char('.');
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression expression(QRegularExpression::anchoredPattern(pattern),
                                        QRegularExpression::DotMatchesEverythingOption);
    return expression.match(text).hasMatch();
}

bool WatchRules::matchesRef(const QString &ref) const
{
    if (branchGlobs.isEmpty())
        return true;
    return std::any_of(branchGlobs.cbegin(), branchGlobs.cend(),
                       [&ref](const QString &glob) { return globMatches(glob, ref); });
}

bool WatchRules::matchesSource(const QString &source) const
{
    return sources.isEmpty() || sources.contains(source);
}

QJsonObject rulesToJson(const WatchRules &rules)
{
    QJsonArray projects;
    for (const qint64 id : rules.projects)
        projects.append(id);
    QJsonArray outcomes;
    for (const Outcome outcome : kAllOutcomes) {
        if (rules.outcomes.testFlag(outcome))
            outcomes.append(QString::fromLatin1(outcomeKey(outcome)));
    }
    return QJsonObject{
        {QStringLiteral("enabled"), rules.enabled},
        {QStringLiteral("only_mine"), rules.onlyMine},
        {QStringLiteral("projects"), projects},
        {QStringLiteral("branches"), stringsToJson(rules.branchGlobs)},
        {QStringLiteral("sources"), stringsToJson(rules.sources)},
        {QStringLiteral("outcomes"), outcomes},
        {QStringLiteral("long_running_minutes"), rules.longRunningMinutes},
    };
}

WatchRules rulesFromJson(const QJsonObject &object, QStringList *problems)
{
    WatchRules rules;
    const auto problem = [problems](const char *what) {
        if (problems)
            problems->append(QString::fromLatin1(what));
    };
    const auto boolean = [&](const char *key, bool *target) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isBool())
            *target = value.toBool();
        else if (!value.isUndefined())
            problem(key);
    };
    boolean("enabled", &rules.enabled);
    boolean("only_mine", &rules.onlyMine);

    const QJsonValue projects = object.value(QLatin1String("projects"));
    if (projects.isArray()) {
        for (const QJsonValue &item : projects.toArray()) {
            const qint64 id = item.toInteger(0);
            if (id > 0 && !rules.projects.contains(id))
                rules.projects.append(id);
        }
    } else if (!projects.isUndefined()) {
        problem("projects");
    }
    rules.branchGlobs =
        stringsFromJson(object.value(QLatin1String("branches")), "branches", problems);
    rules.sources = stringsFromJson(object.value(QLatin1String("sources")), "sources", problems);

    const QJsonValue outcomes = object.value(QLatin1String("outcomes"));
    if (outcomes.isArray()) {
        rules.outcomes = {};
        for (const QJsonValue &item : outcomes.toArray()) {
            for (const Outcome outcome : kAllOutcomes) {
                if (item.toString() == QLatin1String(outcomeKey(outcome)))
                    rules.outcomes |= outcome;
            }
        }
    } else if (!outcomes.isUndefined()) {
        problem("outcomes");
    }

    const QJsonValue minutes = object.value(QLatin1String("long_running_minutes"));
    if (minutes.isDouble() && minutes.toInteger(0) > 0)
        rules.longRunningMinutes =
            static_cast<int>(std::min<qint64>(minutes.toInteger(), kMaxLongRunningMinutes));
    else if (!minutes.isUndefined())
        problem("long_running_minutes");
    return rules;
}

} // namespace pipedeck::watch
