#include "log/lineindex.h"

#include <algorithm>

namespace pipedeck::log {

void LineIndex::addChunk()
{
    auto chunk = std::make_unique<Chunk>();
    chunk->blockStart = std::make_unique<quint64[]>(kChunkLines / kBlockLines);
    chunk->lengths = std::make_unique_for_overwrite<quint16[]>(kChunkLines);
    chunk->complexBits = std::make_unique<quint64[]>(kChunkLines / 64);
    m_chunks.push_back(std::move(chunk));
}

qint64 LineIndex::lengthAt(const Chunk &chunk, qint64 local) const
{
    const auto it =
        std::lower_bound(chunk.longLines.begin(), chunk.longLines.end(), quint32(local),
                         [](const auto &entry, quint32 key) { return entry.first < key; });
    return it != chunk.longLines.end() && it->first == quint32(local) ? qint64(it->second) : 0;
}

qint64 LineIndex::lineStart(qint64 line) const
{
    Q_ASSERT(line >= 0 && line <= m_count);
    if (line >= m_count)
        return m_end;
    const Chunk &chunk = *m_chunks[size_t(line >> kChunkShift)];
    const qint64 local = line & (kChunkLines - 1);
    const qint64 blockFirst = local & ~(kBlockLines - 1);
    qint64 offset = qint64(chunk.blockStart[blockFirst >> kBlockShift]);
    for (qint64 i = blockFirst; i < local; ++i) {
        const quint16 length = chunk.lengths[i];
        offset += length != kEscape ? length : lengthAt(chunk, i);
    }
    return offset;
}

void LineIndex::lineStarts(qint64 first, qint64 count, qint64 *out) const
{
    qint64 offset = lineStart(first);
    out[0] = offset;
    for (qint64 i = 0; i < count; ++i) {
        const qint64 line = first + i;
        const Chunk &chunk = *m_chunks[size_t(line >> kChunkShift)];
        const qint64 local = line & (kChunkLines - 1);
        const quint16 length = chunk.lengths[local];
        offset += length != kEscape ? length : lengthAt(chunk, local);
        out[i + 1] = offset;
    }
}

qint64 LineIndex::lineAtOffset(qint64 offset) const
{
    if (m_count == 0)
        return 0;
    // Binary search over blocks (their absolute starts), then walk at most 63 lines.
    const qint64 blocks = (m_count + kBlockLines - 1) / kBlockLines;
    qint64 lo = 0, hi = blocks - 1;
    auto blockStartOf = [this](qint64 block) {
        const qint64 line = block * kBlockLines;
        return qint64(m_chunks[size_t(line >> kChunkShift)]
                          ->blockStart[(line & (kChunkLines - 1)) >> kBlockShift]);
    };
    while (lo < hi) {
        const qint64 mid = (lo + hi + 1) / 2;
        if (blockStartOf(mid) <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    qint64 line = lo * kBlockLines;
    qint64 start = blockStartOf(lo);
    const qint64 last = qMin(m_count, line + kBlockLines) - 1;
    while (line < last) {
        const qint64 next = lineStart(line + 1);
        if (next > offset)
            break;
        start = next;
        ++line;
    }
    Q_UNUSED(start);
    return line;
}

qint64 LineIndex::nextComplex(qint64 from, qint64 to) const
{
    to = qMin(to, m_count);
    while (from < to) {
        const Chunk &chunk = *m_chunks[size_t(from >> kChunkShift)];
        const qint64 local = from & (kChunkLines - 1);
        const quint64 word = chunk.complexBits[local >> 6] & (~quint64(0) << (local & 63));
        if (word) {
            const qint64 line = (from & ~qint64(63)) + __builtin_ctzll(word);
            return qMin(line, to);
        }
        from = (from & ~qint64(63)) + 64;
    }
    return to;
}

void LineIndex::setBlockStyle(qint64 blockIndex, const Style &style)
{
    if (style.isDefault())
        return;
    m_blockStyles.push_back({quint32(blockIndex), style});
}

Style LineIndex::blockStyle(qint64 blockIndex) const
{
    const auto it =
        std::lower_bound(m_blockStyles.begin(), m_blockStyles.end(), quint32(blockIndex),
                         [](const BlockStyle &entry, quint32 key) { return entry.block < key; });
    return it != m_blockStyles.end() && it->block == quint32(blockIndex) ? it->style : Style();
}

void LineIndex::setEntryTimestamp(qint64 line, qint64 prefixOffset)
{
    if (!m_entryTimestamps.empty() && m_entryTimestamps.back().first == line)
        m_entryTimestamps.back().second = prefixOffset;
    else
        m_entryTimestamps.emplace_back(line, prefixOffset);
}

qint64 LineIndex::entryTimestamp(qint64 line) const
{
    const auto it = std::lower_bound(
        m_entryTimestamps.begin(), m_entryTimestamps.end(), line,
        [](const std::pair<qint64, qint64> &entry, qint64 l) { return entry.first < l; });
    return it != m_entryTimestamps.end() && it->first == line ? it->second : -1;
}

size_t LineIndex::memoryBytes() const
{
    size_t bytes = m_chunks.capacity() * sizeof(void *) +
                   m_blockStyles.capacity() * sizeof(BlockStyle) +
                   m_entryTimestamps.capacity() * sizeof(std::pair<qint64, qint64>);
    for (const auto &chunk : m_chunks) {
        bytes += sizeof(Chunk) + size_t(kChunkLines / kBlockLines) * sizeof(quint64) +
                 size_t(kChunkLines) * sizeof(quint16) + size_t(kChunkLines / 8) +
                 chunk->longLines.capacity() * sizeof(std::pair<quint32, quint64>);
    }
    return bytes;
}

void LineIndex::clear()
{
    m_chunks.clear();
    m_blockStyles.clear();
    m_entryTimestamps.clear();
    m_count = 0;
    m_end = 0;
}

} // namespace pipedeck::log
