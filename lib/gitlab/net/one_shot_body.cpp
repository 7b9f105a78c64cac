#include "gitlab/net/one_shot_body.h"

#include <cstring>

namespace pipedeck::gitlab {

OneShotBody::OneShotBody(QByteArray data, QObject *parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

bool OneShotBody::seek(qint64 pos)
{
    // Rewinding before anything was sent is how Qt starts; after that it would be a re-send.
    if (m_consumed || pos < 0 || pos > m_data.size())
        return false;
    m_offset = pos;
    return QIODevice::seek(pos);
}

qint64 OneShotBody::bytesAvailable() const
{
    return m_data.size() - m_offset + QIODevice::bytesAvailable();
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = std::min(maxSize, m_data.size() - m_offset);
    if (n <= 0) {
        m_consumed = true;
        return m_data.isEmpty() ? 0 : -1;
    }
    std::memcpy(data, m_data.constData() + m_offset, size_t(n));
    m_offset += n;
    if (m_offset >= m_data.size())
        m_consumed = true;
    return n;
}

} // namespace pipedeck::gitlab
