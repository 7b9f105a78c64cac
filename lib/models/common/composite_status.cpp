#include "models/common/composite_status.h"

#include <initializer_list>

namespace pipedeck::models {

using gitlab::CiStatus;

namespace {

class StatusCounts
{
public:
    explicit StatusCounts(const QList<StatusMember> &members)
    {
        for (const StatusMember &member : members) {
            // GitLab's "ignored": a failed or manual job that is allowed to fail.
            const bool ignored = member.allowFailure && (member.status == CiStatus::Failed ||
                                                         member.status == CiStatus::Manual ||
                                                         member.status == CiStatus::Canceled);
            if (ignored)
                ++m_ignored;
            else
                ++m_counts[static_cast<int>(member.status)];
        }
        m_total = static_cast<int>(members.size());
    }
    int total() const { return m_total; }
    bool any(CiStatus status) const { return m_counts[static_cast<int>(status)] > 0; }
    //! Every member is one of `statuses` (or ignored).
    bool onlyOf(std::initializer_list<CiStatus> statuses) const
    {
        int covered = m_ignored;
        for (CiStatus status : statuses)
            covered += m_counts[static_cast<int>(status)];
        return covered == m_total;
    }

private:
    int m_counts[static_cast<int>(CiStatus::Scheduled) + 1] = {};
    int m_ignored = 0;
    int m_total = 0;
};

} // namespace

CiStatus compositeStatus(const QList<StatusMember> &members)
{
    const StatusCounts counts(members);
    if (counts.total() == 0)
        return CiStatus::Skipped;
    if (counts.onlyOf({CiStatus::Skipped}))
        return CiStatus::Skipped;
    if (counts.onlyOf({CiStatus::Success, CiStatus::Skipped}))
        return CiStatus::Success;
    if (counts.onlyOf({CiStatus::Created}))
        return CiStatus::Created;
    if (counts.onlyOf({CiStatus::Preparing}))
        return CiStatus::Preparing;
    if (counts.onlyOf({CiStatus::Canceled, CiStatus::Success, CiStatus::Skipped}))
        return CiStatus::Canceled;
    if (counts.onlyOf({CiStatus::Pending, CiStatus::Created, CiStatus::Skipped}))
        return CiStatus::Pending;
    if (counts.any(CiStatus::Canceling))
        return CiStatus::Canceling;
    if (counts.any(CiStatus::Running) || counts.any(CiStatus::Pending))
        return CiStatus::Running;
    if (counts.any(CiStatus::WaitingForCallback))
        return CiStatus::WaitingForCallback;
    if (counts.any(CiStatus::WaitingForResource))
        return CiStatus::WaitingForResource;
    if (counts.any(CiStatus::Manual))
        return CiStatus::Manual;
    if (counts.any(CiStatus::Scheduled))
        return CiStatus::Scheduled;
    if (counts.any(CiStatus::Preparing))
        return CiStatus::Preparing;
    if (counts.any(CiStatus::Created))
        return CiStatus::Running;
    return CiStatus::Failed;
}

} // namespace pipedeck::models
