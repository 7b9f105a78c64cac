#pragma once

#include "log/logstyle.h"

#include <QtGlobal>

#include <memory>
#include <utility>
#include <vector>

namespace pipedeck::log {

// Where every display line starts, in about 2.1 bytes per line: lines are grouped
// in blocks of 64 with one absolute 64-bit offset per block and a 16-bit length
// per line; a length that does not fit (>= 64 KiB) is escaped and kept in a
// small side table. Storage grows in fixed chunks, so appending never copies
// what is already indexed. Also keeps the SGR style in force at the start of
// each block, sparsely (only where it is not the default), so that the style of
// any line is found by replaying at most 63 lines.
class LineIndex
{
public:
    static constexpr int kBlockShift = 6;
    static constexpr qint64 kBlockLines = qint64(1) << kBlockShift;
    static constexpr int kChunkShift = 14;
    static constexpr qint64 kChunkLines = qint64(1) << kChunkShift;

    LineIndex() = default;
    LineIndex(LineIndex &&) = default;
    LineIndex &operator=(LineIndex &&) = default;

    // Appends a line of `length` bytes (including its terminator) starting at
    // endOffset(). `complex`: its displayed text is not a plain slice of its raw
    // bytes (it has escapes, '\r' or a joined continuation); search renders those.
    // Inlined by force: the scanner calls it once per line, from two places.
    Q_ALWAYS_INLINE void appendLine(qint64 length, bool complex)
    {
        const qint64 local = m_count & (kChunkLines - 1);
        if (local == 0)
            addChunk();
        Chunk &chunk = *m_chunks.back();
        if ((local & (kBlockLines - 1)) == 0)
            chunk.blockStart[local >> kBlockShift] = quint64(m_end);
        if (length < kEscape) {
            chunk.lengths[local] = quint16(length);
        } else {
            chunk.lengths[local] = kEscape;
            chunk.longLines.emplace_back(quint32(local), quint64(length));
        }
        if (complex)
            chunk.complexBits[local >> 6] |= quint64(1) << (local & 63);
        m_end += length;
        ++m_count;
    }

    bool isComplex(qint64 line) const
    {
        const Chunk &chunk = *m_chunks[size_t(line >> kChunkShift)];
        const qint64 local = line & (kChunkLines - 1);
        return (chunk.complexBits[local >> 6] >> (local & 63)) & 1;
    }
    // The next complex line in [from, to), or `to`.
    qint64 nextComplex(qint64 from, qint64 to) const;

    // The style in force when line `blockIndex * kBlockLines` starts.
    void setBlockStyle(qint64 blockIndex, const Style &style);
    Style blockStyle(qint64 blockIndex) const;

    // A line that starts in the middle of a raw line (a section marker there starts a new
    // line) shows the FF_TIMESTAMPS timestamp in force where it starts, whose prefix is at
    // byte `prefixOffset`. Lines are added in increasing order; few logs have any.
    void setEntryTimestamp(qint64 line, qint64 prefixOffset);
    // The prefix offset set for `line`, or -1.
    qint64 entryTimestamp(qint64 line) const;

    qint64 lineCount() const { return m_count; }
    // Start offset of `line`; lineStart(lineCount()) is endOffset().
    qint64 lineStart(qint64 line) const;
    qint64 endOffset() const { return m_end; }
    // Start offsets of lines [first, first + count], written to `out` (count + 1
    // values); cheaper than lineStart() per line.
    void lineStarts(qint64 first, qint64 count, qint64 *out) const;
    // Line containing byte `offset` (offset < endOffset()).
    qint64 lineAtOffset(qint64 offset) const;

    size_t memoryBytes() const;
    void clear();

private:
    static constexpr quint16 kEscape = 0xffff;
    struct Chunk
    {
        std::unique_ptr<quint64[]> blockStart;
        std::unique_ptr<quint16[]> lengths;
        std::unique_ptr<quint64[]> complexBits;
        std::vector<std::pair<quint32, quint64>> longLines; // (line in chunk, length)
    };
    struct BlockStyle
    {
        quint32 block;
        Style style;
    };

    void addChunk();
    qint64 lengthAt(const Chunk &chunk, qint64 local) const;

    std::vector<std::unique_ptr<Chunk>> m_chunks;
    std::vector<BlockStyle> m_blockStyles;
    std::vector<std::pair<qint64, qint64>> m_entryTimestamps; // (line, prefix offset)
    qint64 m_count = 0;
    qint64 m_end = 0;
};

} // namespace pipedeck::log
