// libFuzzer target for what people type or paste as GitLab addresses (accounts): the
// instance field (parseInstanceUrl) and the deep links Pipedeck opens (resolveDeepLink).
// Beyond "no crash": an accepted instance is a bare http(s) origin with a path, and reads
// back as itself; a deep link names an account it was matched to, a project path of at
// least two segments, and a positive id for a pipeline or a job.
#include "accounts/deep_link.h"
#include "accounts/instance_url.h"
#include "fuzz_check.h"

#include <cstdint>

using namespace pipedeck;

namespace {

void check(bool condition, const char *what)
{
    pipedeck::fuzz::check(condition, "fuzz_instance_urls", what);
}

QList<Account> accounts()
{
    Account saas;
    saas.id = QStringLiteral("https://gitlab.example.com:443/alice");
    saas.instance = QUrl(QStringLiteral("https://gitlab.example.com"));
    Account rooted;
    rooted.id = QStringLiteral("http://localhost:8080/bob");
    rooted.instance = QUrl(QStringLiteral("http://localhost:8080/gitlab"));
    return {saas, rooted};
}

void checkDeepLink(const QUrl &url, const QList<Account> &known)
{
    const std::optional<DeepLink> link = resolveDeepLink(url, known);
    if (!link)
        return;
    check(link->accountId == known[0].id || link->accountId == known[1].id, "unknown account");
    check(link->projectPath.split(QLatin1Char('/')).size() >= 2, "project path too short");
    if (link->kind == DeepLink::Kind::Pipeline || link->kind == DeepLink::Kind::Job)
        check(link->id > 0, "a pipeline or job link without a usable id");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    looksLikeWebUrl(text);

    const InstanceUrl instance = parseInstanceUrl(text);
    check(instance.error.isEmpty() == instance.url.isValid(), "error and url disagree");
    if (instance.error.isEmpty()) {
        const QUrl &url = instance.url;
        check(url.scheme() == QStringLiteral("https") || url.scheme() == QStringLiteral("http"),
              "scheme");
        check(!url.host().isEmpty(), "no host");
        check(!url.hasQuery() && !url.hasFragment() && url.userInfo().isEmpty(),
              "query, fragment or user info kept");
        check(!url.path().endsWith(QLatin1Char('/')), "trailing slash");
        const InstanceUrl again = parseInstanceUrl(url.toString());
        check(again.error.isEmpty() && again.url == url, "an accepted instance reads differently");
    }

    const QList<Account> known = accounts();
    checkDeepLink(QUrl(text), known);
    checkDeepLink(QUrl(QStringLiteral("https://gitlab.example.com/") + text), known);
    checkDeepLink(QUrl(QStringLiteral("http://localhost:8080/gitlab/") + text), known);
    return 0;
}
