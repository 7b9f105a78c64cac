#include "gitlab/types/ci_status.h"

#include <array>
#include <utility>

namespace pipedeck::gitlab {

namespace {

constexpr std::array<std::pair<CiStatus, const char16_t *>, 13> kNames{{
    {CiStatus::Created, u"created"},
    {CiStatus::WaitingForResource, u"waiting_for_resource"},
    {CiStatus::Preparing, u"preparing"},
    {CiStatus::WaitingForCallback, u"waiting_for_callback"},
    {CiStatus::Pending, u"pending"},
    {CiStatus::Running, u"running"},
    {CiStatus::Success, u"success"},
    {CiStatus::Failed, u"failed"},
    {CiStatus::Canceling, u"canceling"},
    {CiStatus::Canceled, u"canceled"},
    {CiStatus::Skipped, u"skipped"},
    {CiStatus::Manual, u"manual"},
    {CiStatus::Scheduled, u"scheduled"},
}};

} // namespace

CiStatus ciStatusFromString(QStringView text)
{
    for (const auto &[status, name] : kNames) {
        if (text == QStringView(name))
            return status;
    }
    return CiStatus::Unknown;
}

QString ciStatusName(CiStatus status)
{
    for (const auto &[candidate, name] : kNames) {
        if (candidate == status)
            return QString::fromUtf16(name);
    }
    return {};
}

bool isActive(CiStatus status)
{
    switch (status) {
    case CiStatus::Created:
    case CiStatus::WaitingForResource:
    case CiStatus::Preparing:
    case CiStatus::WaitingForCallback:
    case CiStatus::Pending:
    case CiStatus::Running:
    case CiStatus::Canceling:
        return true;
    case CiStatus::Unknown:
    case CiStatus::Success:
    case CiStatus::Failed:
    case CiStatus::Canceled:
    case CiStatus::Skipped:
    case CiStatus::Manual:
    case CiStatus::Scheduled:
        return false;
    }
    return false;
}

bool isCompleted(CiStatus status)
{
    return status == CiStatus::Success || status == CiStatus::Failed ||
           status == CiStatus::Canceled || status == CiStatus::Skipped;
}

} // namespace pipedeck::gitlab
