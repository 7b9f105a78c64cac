#include "accounts/account_net_state.h"

#include "core/logging.h"
#include "gitlab/net/clock.h"
#include "models/polling/poll_scheduler.h"

#include <algorithm>

namespace pipedeck {

namespace {
constexpr int kCountdownStepMs = 1000;
}

AccountNetState::AccountNetState(gitlab::Connection *connection, QObject *parent)
    : AccountNetState(Options{}, connection, parent)
{}

AccountNetState::AccountNetState(Options options, gitlab::Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_options(options)
{
    Q_ASSERT(connection);
    m_options.probeIntervalMs = std::max<qint64>(1, m_options.probeIntervalMs);
    m_options.maxProbeIntervalMs =
        std::max(m_options.probeIntervalMs, m_options.maxProbeIntervalMs);
    connect(connection, &gitlab::Connection::rateLimited, this, &AccountNetState::onRateLimited);
    connect(connection, &gitlab::Connection::unreachable, this, &AccountNetState::onUnreachable);
    connect(connection, &gitlab::Connection::reached, this, &AccountNetState::onReached);
    connect(&connection->clock(), &gitlab::Clock::advanced, this, &AccountNetState::tick);
    // Only for the system clock, whose time moves without a signal; a manual clock ignores it.
    m_countdown.setInterval(kCountdownStepMs);
    connect(&m_countdown, &QTimer::timeout, this, &AccountNetState::tick);
}

AccountNetState::~AccountNetState()
{
    if (m_connection && m_probeCall)
        m_connection->cancel(m_probeCall);
}

void AccountNetState::addScheduler(models::PollScheduler *scheduler)
{
    if (!scheduler)
        return;
    m_schedulers.emplace_back(scheduler);
    scheduler->setOffline(m_offline);
}

qint64 AccountNetState::now() const
{
    return m_connection ? m_connection->clock().nowMs() : 0;
}

AccountNetState::State AccountNetState::state() const
{
    if (m_offline)
        return State::Offline;
    return now() < m_heldUntil ? State::RateLimited : State::Online;
}

QDateTime AccountNetState::heldUntil() const
{
    return now() < m_heldUntil ? QDateTime::fromMSecsSinceEpoch(m_heldUntil, Qt::UTC) : QDateTime();
}

QString AccountNetState::formatTimeLeft(qint64 ms)
{
    const qint64 seconds = (std::max<qint64>(0, ms) + 999) / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = (seconds / 60) % 60;
    const qint64 s = seconds % 60;
    const QChar zero(u'0');
    return h > 0 ? QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, zero).arg(s, 2, 10, zero)
                 : QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, zero);
}

QString AccountNetState::text() const
{
    switch (state()) {
    case State::Online:
        return {};
    case State::RateLimited:
        return gitlab::Status::rateLimitText(heldUntil());
    case State::Offline:
        return tr("Cannot reach GitLab at %1 (offline). Refreshing is paused until it answers.")
            .arg(m_connection ? m_connection->instanceUrl().host() : QString());
    }
    return {};
}

QString AccountNetState::statusLine() const
{
    switch (state()) {
    case State::Online:
        return {};
    case State::RateLimited:
        return tr("%1 %2 left.", "rate limit sentence, then m:ss")
            .arg(text(), formatTimeLeft(m_heldUntil - now()));
    case State::Offline:
        if (m_probeCall || m_nextProbe < 0)
            return tr("%1 Checking now…", "offline sentence").arg(text());
        return tr("%1 Next check in %2.", "offline sentence, then m:ss")
            .arg(text(), formatTimeLeft(m_nextProbe - now()));
    }
    return {};
}

void AccountNetState::onRateLimited(const QDateTime &until)
{
    const qint64 untilMs = until.toMSecsSinceEpoch();
    if (untilMs > m_heldUntil)
        m_heldUntil = untilMs;
    update();
}

void AccountNetState::onUnreachable()
{
    // While offline the failures of the probe (or of a refresh the user asked for) change
    // nothing: the probe's own schedule decides when to ask again.
    if (!m_offline)
        setOffline(true);
}

void AccountNetState::onReached()
{
    if (m_offline)
        setOffline(false);
}

void AccountNetState::setOffline(bool offline)
{
    m_offline = offline;
    if (offline) {
        m_probeInterval = m_options.probeIntervalMs;
        m_nextProbe = now() + m_probeInterval;
        qCInfo(lcNet) << "account offline; probing every" << m_probeInterval << "ms";
    } else {
        m_nextProbe = -1;
        qCInfo(lcNet) << "account back online";
    }
    // All at once, so that views come back together instead of one by one.
    for (const QPointer<models::PollScheduler> &scheduler : m_schedulers) {
        if (scheduler)
            scheduler->setOffline(offline);
    }
    update();
}

void AccountNetState::tick()
{
    if (m_offline && !m_probeCall && m_nextProbe >= 0 && now() >= m_nextProbe)
        probe();
    update();
}

void AccountNetState::probe()
{
    if (!m_connection)
        return;
    gitlab::ApiCall call;
    call.path = QStringLiteral("/version");
    call.priority = gitlab::Priority::Interactive; // one request a while: never budget-held
    call.maxAttempts = 1;
    call.useEtagCache = false;
    call.deadlineMs = m_options.probeDeadlineMs;
    ++m_probesSent;
    m_probeCall = m_connection->send(std::move(call), this, [this](const gitlab::ApiReply &reply) {
        m_probeCall = 0;
        // An answer already brought the account back through Connection::reached().
        if (m_offline && reply.httpStatus == 0) {
            m_probeInterval = std::min(m_probeInterval * 2, m_options.maxProbeIntervalMs);
            m_nextProbe = now() + m_probeInterval;
        }
        update();
    });
}

void AccountNetState::update()
{
    const State current = state();
    if (current == State::Online)
        m_countdown.stop();
    else if (!m_countdown.isActive())
        m_countdown.start();
    const QString line = statusLine();
    const bool stateChangedNow = current != m_shownState;
    const bool lineChangedNow = line != m_shownLine;
    m_shownState = current;
    m_shownLine = line;
    if (stateChangedNow)
        Q_EMIT stateChanged(current);
    if (lineChangedNow)
        Q_EMIT statusLineChanged(line);
}

} // namespace pipedeck
