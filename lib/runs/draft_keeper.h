#pragma once

#include "presets/draft_store.h"

#include <QObject>
#include <QTimer>

#include <optional>

namespace pipedeck::runs {

//! Keeps one dialog's unsent input as a draft: every edit schedules a save a moment later (so
//! typing writes the file once per pause, not once per key), flush() saves at once (the dialog
//! closes, the app quits), discard() removes it after a successful send. Without a store
//! nothing is kept.
class DraftKeeper : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSaveDelayMs = 500;

    DraftKeeper(presets::DraftStore *store, QString dialogKey, QObject *parent = nullptr);
    ~DraftKeeper() override;

    //! The draft an earlier dialog left, if any.
    std::optional<presets::Draft> restore() const;
    void changed(const presets::Draft &draft);
    //! Writes a pending change now. False with the reason in lastError() when it failed.
    bool flush();
    void discard();
    bool hasPendingChange() const { return m_pending.has_value(); }
    QString lastError() const { return m_error; }

private:
    presets::DraftStore *m_store;
    QString m_key;
    QTimer m_timer;
    std::optional<presets::Draft> m_pending;
    QString m_error;
};

} // namespace pipedeck::runs
