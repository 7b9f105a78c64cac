#include "gitlab/requests/paged_request.h"

#include "core/logging.h"

namespace pipedeck::gitlab {

PagedRequest::PagedRequest(QString path, QUrlQuery query, BodyParser parser, QObject *parent)
    : Request(Priority::Background, parent)
    , m_path(std::move(path))
    , m_query(std::move(query))
    , m_parser(parser)
{}

ApiCall PagedRequest::pageCall(int page) const
{
    ApiCall call;
    call.path = m_path;
    call.query = m_query;
    call.query.removeAllQueryItems(QStringLiteral("per_page"));
    call.query.addQueryItem(QStringLiteral("per_page"), QString::number(kPerPage));
    if (page > 1) {
        call.query.removeAllQueryItems(QStringLiteral("page"));
        call.query.addQueryItem(QStringLiteral("page"), QString::number(page));
    }
    call.priority = priority();
    return call;
}

void PagedRequest::run()
{
    if (m_continuation.isValid()) {
        ApiCall call;
        call.link = m_continuation;
        call.priority = priority();
        fetch(1, std::move(call));
        return;
    }
    fetch(m_firstPage, pageCall(m_firstPage));
}

void PagedRequest::fetch(int ordinal, ApiCall call)
{
    ++m_outstanding;
    ++m_sent;
    m_highestOrdinal = std::max(m_highestOrdinal, ordinal);
    sendExchange(std::move(call), m_parser,
                 [this, ordinal](Exchange exchange) { onPage(ordinal, std::move(exchange)); });
}

void PagedRequest::onPage(int ordinal, Exchange exchange)
{
    --m_outstanding;
    if (isFinished())
        return;
    if (!exchange.status.ok()) {
        end(exchange.status);
        return;
    }
    m_pages[ordinal] = std::move(exchange.value);
    m_allNotModified = m_allNotModified && exchange.notModified;
    PageInfo info = pageInfoFromHeaders(exchange.headers, exchange.url);
    // A next page that is not after this one, or a next link already followed (a proxy
    // repeating X-Next-Page or Link), would page forever: the list ends here, incomplete.
    if (info.nextPage > 0 && info.nextPage <= std::max(info.page, ordinal)) {
        qCWarning(lcNet) << "X-Next-Page" << info.nextPage << "is not after page"
                         << std::max(info.page, ordinal) << "; the list stops there";
        info.nextPage = 0;
        m_truncated = true;
    }
    if (info.nextLink.isValid() &&
        (info.nextLink == m_continuation || m_followedLinks.contains(info.nextLink))) {
        qCWarning(lcNet) << "a next link repeats one already followed; the list stops there";
        info.nextLink = QUrl();
        m_truncated = true;
    }
    if (ordinal == m_highestOrdinal)
        m_lastInfo = info;

    if (m_allPages && !m_concurrent) {
        const int fetched = static_cast<int>(m_pages.size()) + m_outstanding;
        const bool offset = !m_continuation.isValid() && info.page > 0;
        if (offset && ordinal == m_firstPage && info.totalPages > info.page) {
            // Totals are known: ask for every remaining page now; the gate paces them.
            m_concurrent = true;
            const int last = std::min(info.totalPages, m_firstPage + m_maxPages - 1);
            m_truncated = last < info.totalPages;
            for (int page = info.page + 1; page <= last; ++page)
                fetch(page, pageCall(page));
        } else if (info.nextPage > 0 && !m_continuation.isValid()) {
            if (fetched >= m_maxPages || m_sent >= m_maxPages)
                m_truncated = true;
            else
                fetch(info.nextPage, pageCall(info.nextPage));
        } else if (info.nextLink.isValid()) {
            if (fetched >= m_maxPages || m_sent >= m_maxPages) {
                m_truncated = true;
            } else {
                // The connection refuses links outside the account's API root (UntrustedLink).
                m_followedLinks.insert(info.nextLink);
                ApiCall call;
                call.link = info.nextLink;
                call.priority = priority();
                fetch(ordinal + 1, std::move(call));
            }
        }
    }
    if (m_outstanding == 0) {
        m_complete = m_allPages ? !m_truncated : true;
        assemble(m_pages);
        finish(Status(Status::Success, 200), m_allNotModified);
    }
}

void PagedRequest::end(Status status)
{
    cancelExchanges();
    m_complete = false;
    qCInfo(lcNet).noquote() << "list incomplete after" << m_pages.size()
                            << "pages:" << Status::codeName(status.code());
    assemble(m_pages);
    finish(std::move(status));
}

} // namespace pipedeck::gitlab
