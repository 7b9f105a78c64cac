#include "signin/sign_in_dialog.h"

#include "accounts/instance_url.h"
#include "tls/certificate_problem.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace pipedeck {

namespace {
QLabel *makeMessageLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // messages may quote the server: never markup
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}
} // namespace

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Add GitLab account"));
    setMinimumWidth(520);

    auto *intro = new QLabel(tr("Pipedeck signs in with a personal access token. "
                                "The token is kept in your system keychain."));
    intro->setWordWrap(true);

    m_instance = new QLineEdit(QStringLiteral("https://gitlab.com"));
    m_instance->setObjectName(QStringLiteral("instance"));
    m_instance->setPlaceholderText(QStringLiteral("https://gitlab.example.com"));

    m_token = new QLineEdit;
    m_token->setObjectName(QStringLiteral("token"));
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Personal access token"));
    m_token->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData |
                                 Qt::ImhNoPredictiveText);

    m_tokenLink = new QLabel;
    m_tokenLink->setObjectName(QStringLiteral("tokenLink"));
    m_tokenLink->setTextFormat(Qt::RichText);
    m_tokenLink->setOpenExternalLinks(true);

    auto *form = new QFormLayout;
    form->addRow(tr("GitLab instance:"), m_instance);
    form->addRow(tr("Access token:"), m_token);
    form->addRow(QString(), m_tokenLink);

    m_status = makeMessageLabel(QStringLiteral("status"));
    m_error = makeMessageLabel(QStringLiteral("error"));
    m_error->setStyleSheet(QStringLiteral("color: #dd2b0e;"));
    m_warning = makeMessageLabel(QStringLiteral("warning"));
    m_warning->setStyleSheet(QStringLiteral("color: #c17d10;"));

    m_success = makeMessageLabel(QStringLiteral("success"));
    m_certificate = makeMessageLabel(QStringLiteral("certificate"));
    m_certificate->setAccessibleName(tr("The server's certificate"));
    m_certificate->setFrameShape(QFrame::StyledPanel);
    m_trustCertificate = new QPushButton(tr("Trust this certificate…"));
    m_trustCertificate->setObjectName(QStringLiteral("trustCertificate"));
    m_trustCertificate->setAutoDefault(false);
    m_trustCertificate->hide();
    m_trustCaFile = new QPushButton(tr("Trust a CA file…"));
    m_trustCaFile->setObjectName(QStringLiteral("trustCaFile"));
    m_trustCaFile->setAutoDefault(false);
    m_trustCaFile->hide();
    connect(m_trustCertificate, &QPushButton::clicked, this,
            &SignInDialog::trustCertificateRequested);
    connect(m_trustCaFile, &QPushButton::clicked, this, &SignInDialog::trustCaFileRequested);
    auto *trustRow = new QHBoxLayout;
    trustRow->addWidget(m_trustCertificate);
    trustRow->addWidget(m_trustCaFile);
    trustRow->addStretch();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_signIn = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_signIn->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (m_signedIn) {
            accept();
            return;
        }
        clearMessages();
        Q_EMIT signInRequested(instanceText(), token());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_success);
    layout->addWidget(m_error);
    layout->addWidget(m_certificate);
    layout->addLayout(trustRow);
    layout->addWidget(m_warning);
    layout->addStretch();
    layout->addWidget(m_buttons);

    const auto editedAfterSuccess = [this] {
        if (!m_signedIn)
            return;
        m_signedIn = false;
        m_signIn->setText(tr("Sign in"));
        clearMessages();
    };
    connect(m_instance, &QLineEdit::textEdited, this, editedAfterSuccess);
    connect(m_token, &QLineEdit::textEdited, this, editedAfterSuccess);
    connect(m_instance, &QLineEdit::textChanged, this, [this] {
        updateTokenLink();
        updateAcceptable();
    });
    connect(m_token, &QLineEdit::textChanged, this, &SignInDialog::updateAcceptable);
    updateTokenLink();
    updateAcceptable();
}

QString SignInDialog::instanceText() const
{
    return m_instance->text();
}

QString SignInDialog::token() const
{
    return m_token->text().trimmed();
}

void SignInDialog::setInstanceText(const QString &text)
{
    m_instance->setText(text);
}

void SignInDialog::setBusy(bool busy, const QString &what)
{
    m_busy = busy;
    m_instance->setReadOnly(busy);
    m_token->setReadOnly(busy);
    m_status->setText(what);
    m_status->setVisible(busy && !what.isEmpty());
    updateAcceptable();
}

void SignInDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void SignInDialog::showWarning(const QString &message)
{
    m_warning->setText(
        m_warning->text().isEmpty() ? message : m_warning->text() + QLatin1Char('\n') + message);
    m_warning->show();
}

void SignInDialog::clearMessages()
{
    for (QLabel *label : {m_status, m_error, m_warning, m_success, m_certificate}) {
        label->clear();
        label->hide();
    }
    m_trustCertificate->hide();
    m_trustCaFile->hide();
}

void SignInDialog::showCertificateProblem(const tls::CertificateProblem &problem)
{
    m_certificate->setText(problem.detailsText());
    m_certificate->show();
    m_trustCertificate->setVisible(problem.canTrustAnchor());
    m_trustCaFile->setVisible(problem.trustCanHelp());
}

void SignInDialog::showSignedIn(const QString &summary)
{
    m_signedIn = true;
    m_success->setText(summary);
    m_success->show();
    m_signIn->setText(tr("Continue"));
    updateAcceptable();
}

void SignInDialog::updateTokenLink()
{
    const InstanceUrl parsed = parseInstanceUrl(m_instance->text());
    if (!parsed.error.isEmpty()) {
        m_tokenLink->setText(parsed.error.toHtmlEscaped());
        return;
    }
    // GitLab pre-fills the "new token" form from these parameters.
    QUrl create = parsed.url;
    create.setPath(create.path() + QStringLiteral("/-/user_settings/personal_access_tokens"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("name"), QStringLiteral("Pipedeck"));
    query.addQueryItem(QStringLiteral("scopes"), QStringLiteral("api"));
    create.setQuery(query);
    m_tokenLink->setText(QStringLiteral("<a href=\"%1\">%2</a>")
                             .arg(create.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                  tr("Create a token with the api scope").toHtmlEscaped()));
}

void SignInDialog::updateAcceptable()
{
    const bool complete = parseInstanceUrl(m_instance->text()).error.isEmpty() &&
                          !m_token->text().trimmed().isEmpty();
    m_signIn->setEnabled((complete || m_signedIn) && !m_busy);
}

} // namespace pipedeck
