#pragma once

#include <QString>
#include <QUrl>

namespace pipedeck::gitlab {

//! `:id` in GitLab paths: a numeric id or the full path ("group/sub/project"), which goes
//! into the URL percent-encoded as one segment ("group%2Fsub%2Fproject").
class ProjectRef
{
public:
    ProjectRef(qint64 id) // NOLINT(google-explicit-constructor): ids are the common case
        : m_segment(QString::number(id))
    {}
    static ProjectRef fromPath(const QString &pathWithNamespace)
    {
        ProjectRef ref(0);
        ref.m_segment = QString::fromLatin1(QUrl::toPercentEncoding(pathWithNamespace));
        return ref;
    }
    //! Already percent-encoded: safe to append to a path.
    const QString &segment() const { return m_segment; }
    QString projectPath() const { return QStringLiteral("/projects/") + m_segment; }

private:
    QString m_segment;
};

//! One path segment, percent-encoded (branch names contain '/').
inline QString encodeSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace pipedeck::gitlab
