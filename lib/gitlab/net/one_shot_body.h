#pragma once

#include <QIODevice>

namespace pipedeck::gitlab {

//! The body of an action (POST/PUT that plays, retries, runs...) as an upload device that can be
//! read once. When a connection drops after the request went out, Qt's HTTP layer sends the
//! request again on a new connection (QHttpNetworkConnectionChannel's reconnect attempts) if it
//! can rewind the body: GitLab would then play or run twice. This device refuses the rewind
//! once its bytes were read, so Qt reports ContentReSendError instead, which the connection
//! treats as a lost reply (ask GitLab what happened; never send again).
class OneShotBody : public QIODevice
{
    Q_OBJECT
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_data.size(); }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_data.size(); }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
    bool m_consumed = false;
};

} // namespace pipedeck::gitlab
