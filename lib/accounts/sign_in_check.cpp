#include "accounts/sign_in_check.h"

#include "accounts/instance_url.h"
#include "core/logging.h"
#include "gitlab/net/connection.h"
#include "gitlab/requests/instance_requests.h"
#include "secrets/token_store.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimer>

namespace pipedeck {

namespace {
QString hostLabel(const QUrl &instance)
{
    return instance.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

constexpr int kExpiryWarningDays = 14;
} // namespace

SignInCheck::SignInCheck(QObject *parent)
    : QObject(parent)
{}

SignInCheck::~SignInCheck() = default;

void SignInCheck::start(const QString &instanceText, const QString &token, Account::Origin origin,
                        const gitlab::ConnectionOptions &options, const tls::TlsTrust &trust)
{
    ++m_generation;
    if (m_connection)
        m_connection.release()->deleteLater();
    m_result = {};
    m_running = true;
    m_userOk = false;
    m_userError.clear();
    m_certificateProblem.reset();

    const InstanceUrl instance = parseInstanceUrl(instanceText);
    if (!instance.error.isEmpty()) {
        fail(instance.error);
        return;
    }
    // The store's rules, before the token goes anywhere: what it would refuse to keep is
    // not sent either.
    if (const QString error = TokenStore::validationError(token.trimmed().toUtf8());
        !error.isEmpty()) {
        fail(error);
        return;
    }

    m_result.account.instance = instance.url;
    m_result.account.origin = origin;
    m_result.account.tlsTrust = trust;
    m_connection = std::make_unique<gitlab::Connection>(instance.url, options);
    m_connection->setTlsTrust(trust);
    m_connection->setToken(token.trimmed());

    m_outstanding = 2;
    const quint64 generation = m_generation;
    auto *user = m_connection->call<gitlab::GetCurrentUser>();
    user->setPriority(gitlab::Priority::Interactive);
    connect(user, &gitlab::Request::finished, this, [this, user, generation] {
        if (generation != m_generation)
            return;
        if (user->status().ok()) {
            m_userOk = true;
            m_result.account.username = user->user().username;
            m_result.account.displayName = user->user().name;
        } else {
            m_userError = describeFailure(user->status(), m_result.account.instance);
            if (const tls::CertificateProblem *problem = user->status().certificateProblem())
                m_certificateProblem = *problem;
            qCInfo(lcNet) << "sign-in check: /user failed:" << user->status().detail();
        }
        finishWhenBothDone();
    });

    auto *self = m_connection->call<gitlab::GetPersonalAccessTokenSelf>();
    self->setPriority(gitlab::Priority::Interactive);
    connect(self, &gitlab::Request::finished, this, [this, self, generation] {
        if (generation != m_generation)
            return;
        if (self->status().ok()) {
            const auto &info = self->tokenInfo();
            m_result.account.scopes = info.scopes;
            m_result.account.tokenExpiresAt = info.expiresAt;
        } else {
            // Older GitLab, or a token type this endpoint does not describe: the token
            // may still be fine; say that its scopes are unknown.
            m_result.warnings.append(
                tr("GitLab did not say which scopes this token has; actions may fail."));
        }
        finishWhenBothDone();
    });
}

std::unique_ptr<gitlab::Connection> SignInCheck::takeConnection()
{
    return std::move(m_connection);
}

QString SignInCheck::describeFailure(const gitlab::Status &status, const QUrl &instance)
{
    const QString host = hostLabel(instance);
    switch (status.code()) {
    case gitlab::Status::Unauthorized:
        return tr("%1 did not accept this token. Check that it was copied whole and has not "
                  "expired or been revoked.")
            .arg(host);
    case gitlab::Status::Forbidden:
        return tr("This token may not read your user profile. Create a token with the api "
                  "scope (or read_api to only look).");
    case gitlab::Status::NetworkError:
        return tr("Could not reach %1. Check the address and your network connection.").arg(host);
    case gitlab::Status::Timeout:
        return tr("%1 did not answer in time. Check the address and your network connection.")
            .arg(host);
    case gitlab::Status::TlsError: {
        QString text =
            tr("The certificate of %1 could not be verified, so the token was not sent.").arg(host);
        if (const tls::CertificateProblem *problem = status.certificateProblem()) {
            text += QLatin1Char(' ') + problem->reasons.join(QLatin1Char(' '));
            if (problem->trustCanHelp())
                text += QLatin1Char(' ') +
                        tr("If your instance uses an internal certificate authority, you can "
                           "trust its certificate for this account.");
        }
        return text;
    }
    case gitlab::Status::NotFound:
    case gitlab::Status::BadReply:
        return tr("%1 does not look like a GitLab instance: it did not answer the GitLab API.")
            .arg(host);
    case gitlab::Status::Redirected:
        return status.origin().isEmpty()
                   ? tr("%1 redirects elsewhere. Enter the address of the GitLab instance itself.")
                         .arg(host)
                   : tr("%1 redirects to %2. Enter that address instead; Pipedeck does not send "
                        "tokens across redirects.")
                         .arg(host, status.origin());
    case gitlab::Status::InsecureTransport:
        return tr("%1 uses plain http. Pipedeck sends tokens only over https (or to this "
                  "computer).")
            .arg(host);
    case gitlab::Status::Success:
    case gitlab::Status::BadRequest:
    case gitlab::Status::Conflict:
    case gitlab::Status::ClientError:
    case gitlab::Status::TooManyRequests:
    case gitlab::Status::ServerError:
    case gitlab::Status::UntrustedLink:
    case gitlab::Status::OutcomeUnknown:
    case gitlab::Status::Canceled:
        break;
    }
    return status.userText();
}

void SignInCheck::finishWhenBothDone()
{
    if (--m_outstanding > 0)
        return;
    if (!m_userOk) {
        fail(m_userError);
        return;
    }
    Account &account = m_result.account;
    account.id = accountId(account.instance, account.username);
    if (!account.scopes.isEmpty() && !account.canWrite()) {
        m_result.warnings.append(
            tr("This token has only the %1 scope: you can look at everything, but playing, "
               "retrying and canceling jobs will fail. Create a token with the api scope to act.")
                .arg(account.scopes.join(QStringLiteral(", "))));
    }
    if (account.tokenExpiresAt.isValid()) {
        const qint64 days = QDate::currentDate().daysTo(account.tokenExpiresAt);
        if (days <= kExpiryWarningDays) {
            m_result.warnings.append(
                tr("This token expires on %1.")
                    .arg(QLocale().toString(account.tokenExpiresAt, QLocale::LongFormat)));
        }
    }
    m_result.ok = true;
    m_running = false;
    Q_EMIT finished(m_result);
}

void SignInCheck::fail(const QString &error)
{
    // We may be inside a signal of a request the connection owns: let it unwind first.
    if (m_connection)
        m_connection.release()->deleteLater();
    m_result.ok = false;
    m_result.error = error;
    m_result.certificateProblem = m_certificateProblem;
    m_running = false;
    // Always from the event loop, so callers can connect after start().
    QTimer::singleShot(0, this, [this, result = m_result, generation = m_generation] {
        if (generation == m_generation)
            Q_EMIT finished(result);
    });
}

} // namespace pipedeck
