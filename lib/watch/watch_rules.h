#pragma once

#include <QFlags>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace pipedeck::watch {

//! What happened to a pipeline that may be worth telling the user.
enum class Outcome : quint8 {
    Failed = 0x01,
    Succeeded = 0x02,
    Canceled = 0x04,
    ManualWaiting = 0x08, //!< the pipeline stopped at a manual job (status "manual")
    LongRunning = 0x10,   //!< still running after WatchRules::longRunningMinutes
};
Q_DECLARE_FLAGS(Outcomes, Outcome)
Q_DECLARE_OPERATORS_FOR_FLAGS(Outcomes)

//! "failed": the key used in the settings file.
const char *outcomeKey(Outcome outcome);

//! Which pipelines of one account are watched without an explicit Watch, and which outcomes
//! of a watched pipeline notify. The default: my pipelines, failures and manual jobs waiting.
struct WatchRules
{
    static constexpr int kDefaultLongRunningMinutes = 30;

    bool enabled = true;
    bool onlyMine = true; //!< only pipelines the account's user started
    //! The projects the rules look at. GitLab has no "pipelines of a user everywhere" call, so
    //! "my pipelines" means mine in these (the app adds the projects the user has open).
    QList<qint64> projects;
    QStringList branchGlobs; //!< `*` any run of characters (also '/'), `?` one; empty: all
    QStringList sources;     //!< GitLab's source names ("push", "web", ...); empty: all
    Outcomes outcomes = Outcome::Failed | Outcome::ManualWaiting;
    int longRunningMinutes = kDefaultLongRunningMinutes;

    bool matchesRef(const QString &ref) const;
    bool matchesSource(const QString &source) const;

    friend bool operator==(const WatchRules &, const WatchRules &) = default;
};

//! A branch pattern as GitLab's protected branches spell them: `*` matches any run of
//! characters, `/` included; everything else is literal. Case-sensitive, whole string.
bool globMatches(const QString &glob, const QString &text);

QJsonObject rulesToJson(const WatchRules &rules);
//! Fields that are missing or of the wrong type keep their defaults and are named in
//! *problems (English, for the log); unknown outcome keys are ignored.
WatchRules rulesFromJson(const QJsonObject &object, QStringList *problems = nullptr);

} // namespace pipedeck::watch
