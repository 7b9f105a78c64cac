#pragma once

#include "variables/variable_row.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace pipedeck::presets {

//! A dialog's unsent input.
struct Draft
{
    QString ref;
    //! Written through withoutSensitiveValues(): a sensitive row comes back with its key and
    //! an empty value.
    QList<variables::VariableRow> rows;
    //! Pipeline inputs and other fields of the dialog, as the dialog likes. Written as given:
    //! never put a sensitive value here.
    QJsonObject extra;
    QDateTime savedAt; //!< UTC, set by save()

    friend bool operator==(const Draft &, const Draft &) = default;
};

//! One draft per dialog key, each in its own file under AppDataLocation/drafts/, named by the
//! SHA-256 of the key. Every save replaces the file atomically (QSaveFile), so a crash or
//! kill -9 at any moment leaves the previous draft or the new one, never a mix. Synchronous
//! and small: the caller debounces save() (e.g. 500 ms after the last edit).
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(pipedeck::presets::DraftStore)
public:
    //! AppDataLocation + "/drafts".
    static QString defaultDirectory();
    //! "play/<instance>/<account>/<project id>/<job name>": the Play-with-variables dialog.
    static QString playKey(const QUrl &instance, const QString &account, qint64 projectId,
                           const QString &jobName);
    //! "run/<instance>/<account>/<project id>": the Run-pipeline dialog.
    static QString runKey(const QUrl &instance, const QString &account, qint64 projectId);

    explicit DraftStore(const QString &directory = defaultDirectory());

    //! Writes the draft (sensitive values removed, savedAt = now). False with a translated
    //! *error when the file could not be written; the previous draft is then still there.
    bool save(const QString &dialogKey, const Draft &draft, QString *error = nullptr);
    //! The draft, or nullopt when there is none (or its file is unreadable or for another key).
    std::optional<Draft> load(const QString &dialogKey) const;
    //! Removes the draft (after a successful send, or when the user discards it). True when
    //! there is none afterwards.
    bool discard(const QString &dialogKey);

    QString filePath(const QString &dialogKey) const;
    QString directory() const { return m_directory; }

private:
    QString m_directory;
};

} // namespace pipedeck::presets
