#include "runs/draft_keeper.h"

namespace pipedeck::runs {

DraftKeeper::DraftKeeper(presets::DraftStore *store, QString dialogKey, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_key(std::move(dialogKey))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kSaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DraftKeeper::flush);
}

DraftKeeper::~DraftKeeper()
{
    flush();
}

std::optional<presets::Draft> DraftKeeper::restore() const
{
    return m_store ? m_store->load(m_key) : std::nullopt;
}

void DraftKeeper::changed(const presets::Draft &draft)
{
    if (!m_store)
        return;
    m_pending = draft;
    m_timer.start();
}

bool DraftKeeper::flush()
{
    m_timer.stop();
    if (!m_store || !m_pending)
        return true;
    const presets::Draft draft = *m_pending;
    m_pending.reset();
    return m_store->save(m_key, draft, &m_error);
}

void DraftKeeper::discard()
{
    m_timer.stop();
    m_pending.reset();
    if (m_store)
        m_store->discard(m_key);
}

} // namespace pipedeck::runs
