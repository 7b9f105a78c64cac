#pragma once

#include "gitlab/requests/request.h"

#include <QList>
#include <QSet>
#include <QUrlQuery>
#include <any>
#include <map>

namespace pipedeck::gitlab {

//! A list endpoint. GitLab paginates everything: this follows X-Next-Page, or Link rel="next"
//! (keyset cursors), with per_page=100. When X-Total-Pages is known the remaining pages are
//! requested at once and the account's gate decides how many run in parallel. A next link to
//! another origin is never followed: the request fails UntrustedLink and complete() is false.
//!
//! Modes: all pages (default, up to maxPages), or one page (for fetchMore-style paging:
//! setAllPages(false), then continue with setPage(nextPage()) or setContinuation(nextLink())).
class PagedRequest : public Request
{
    Q_OBJECT
public:
    static constexpr int kPerPage = 100;

    void setAllPages(bool all) { m_allPages = all; }
    void setMaxPages(int pages) { m_maxPages = std::max(1, pages); }
    void setPage(int page) { m_firstPage = std::max(1, page); }
    //! Continue from a previous single page's nextLink() (keyset).
    void setContinuation(const QUrl &link) { m_continuation = link; }

    //! Every page to the end arrived (false after a failure, or when maxPages stopped early).
    bool complete() const { return m_complete; }
    int pagesFetched() const { return static_cast<int>(m_pages.size()); }
    //! What the last page's headers said (totals are often unknown: -1).
    const PageInfo &lastPageInfo() const { return m_lastInfo; }
    //! Where a single-page request continues: a page number (offset) or a link (keyset).
    int nextPage() const { return m_lastInfo.nextPage; }
    QUrl nextLink() const { return m_lastInfo.nextLink; }
    bool hasMore() const { return m_lastInfo.hasNext(); }

protected:
    PagedRequest(QString path, QUrlQuery query, BodyParser parser, QObject *parent);
    void run() override;
    //! Builds the typed list from the pages, in page order.
    virtual void assemble(const std::map<int, std::any> &pages) = 0;

    QString m_path;
    QUrlQuery m_query;

private:
    ApiCall pageCall(int page) const;
    void fetch(int ordinal, ApiCall call);
    void onPage(int ordinal, Exchange exchange);
    void end(Status status);

    BodyParser m_parser;
    bool m_allPages = true;
    int m_maxPages = 100;
    int m_sent = 0; //!< page requests sent, whatever they answered: the cap counts these
    QSet<QUrl> m_followedLinks;
    int m_firstPage = 1;
    QUrl m_continuation;
    bool m_complete = false;
    bool m_concurrent = false;
    bool m_allNotModified = true;
    int m_outstanding = 0;
    int m_highestOrdinal = 0;
    bool m_truncated = false;
    PageInfo m_lastInfo;
    std::map<int, std::any> m_pages;
};

template<class T> class ListRequest : public PagedRequest
{
public:
    const QList<T> &items() const { return m_items; }

protected:
    using PagedRequest::PagedRequest;

    void assemble(const std::map<int, std::any> &pages) override
    {
        m_items.clear();
        // Offset pages shift while new rows appear between page requests: drop repeats.
        QSet<qint64> seen;
        for (const auto &[ordinal, page] : pages) {
            Q_UNUSED(ordinal);
            if (!page.has_value())
                continue;
            for (const T &item : std::any_cast<const QList<T> &>(page)) {
                if constexpr (requires { item.id; }) {
                    if (seen.contains(item.id))
                        continue;
                    seen.insert(item.id);
                }
                m_items.append(item);
            }
        }
    }

private:
    QList<T> m_items;
};

} // namespace pipedeck::gitlab
