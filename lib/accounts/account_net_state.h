#pragma once

#include "gitlab/net/connection.h"
#include "gitlab/net/status.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <vector>

namespace pipedeck::models {
class PollScheduler;
}

namespace pipedeck {

//! Whether one account's GitLab can be talked to right now, and the one line that says so.
//!
//! It follows the account's Connection:
//! - RateLimited(until) after a 429: every request of the account is held by its RequestGate
//!   until then, so the user is told instead of views waiting silently, with a countdown.
//! - Offline after a GET gave up without reaching the instance (refused, DNS failure, network
//!   down). The attached PollSchedulers pause, so views do not each fail and retry on their
//!   own; one probe (GET /version, a single attempt) asks every `probeIntervalMs`, doubling
//!   up to `maxProbeIntervalMs`. Any reply with an HTTP status, the probe's or another
//!   request's, brings the account back Online and every scheduler resumes at once.
//! Time comes from the connection's Clock; the countdown moves when it advances (and once a
//! second of real time, for the system clock).
class AccountNetState : public QObject
{
    Q_OBJECT
public:
    enum class State { Online, RateLimited, Offline };
    Q_ENUM(State)
    struct Options
    {
        qint64 probeIntervalMs = 30'000;
        qint64 maxProbeIntervalMs = 5 * 60'000;
        int probeDeadlineMs = 15'000; //!< a probe that hangs must not delay the next one
    };

    explicit AccountNetState(gitlab::Connection *connection, QObject *parent = nullptr);
    AccountNetState(Options options, gitlab::Connection *connection, QObject *parent = nullptr);
    ~AccountNetState() override;

    //! Paused while Offline, resumed when back Online. Not owned.
    void addScheduler(models::PollScheduler *scheduler);

    State state() const;
    bool isOffline() const { return m_offline; }
    //! The end of the 429 hold, or null when none is in force.
    QDateTime heldUntil() const;
    //! Epoch ms of the next probe; -1 when online or while a probe is on the wire.
    qint64 nextProbeMs() const { return m_offline && !m_probeCall ? m_nextProbe : -1; }
    int probesSent() const { return m_probesSent; }

    //! The state in one translated sentence, without countdown; empty when Online. For a
    //! hold it is the text a refused action shows (Status::rateLimitText).
    QString text() const;
    //! text() with the time left ("4:59") until the hold ends or the next probe.
    QString statusLine() const;
    //! "m:ss" (or "h:mm:ss"), rounded up to the second.
    static QString formatTimeLeft(qint64 ms);

Q_SIGNALS:
    void stateChanged(pipedeck::AccountNetState::State state);
    //! statusLine() changed (also each second of the countdown).
    void statusLineChanged(const QString &line);

private:
    void onRateLimited(const QDateTime &until);
    void onUnreachable();
    void onReached();
    void setOffline(bool offline);
    void tick();
    void probe();
    void update();
    qint64 now() const;

    QPointer<gitlab::Connection> m_connection;
    Options m_options;
    std::vector<QPointer<models::PollScheduler>> m_schedulers;
    qint64 m_heldUntil = 0;
    bool m_offline = false;
    qint64 m_probeInterval = 0;
    qint64 m_nextProbe = -1;
    gitlab::Connection::CallId m_probeCall = 0;
    int m_probesSent = 0;
    State m_shownState = State::Online;
    QString m_shownLine;
    QTimer m_countdown;
};

} // namespace pipedeck
