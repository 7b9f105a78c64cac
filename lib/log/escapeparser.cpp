#include "log/escapeparser.h"

namespace pipedeck::log {

namespace {
constexpr uchar kEsc = 0x1b;
constexpr uchar kBel = 0x07;
} // namespace

void EscapeParser::pushParam()
{
    if (m_count < kMaxParams)
        m_params[size_t(m_count++)] = m_current;
    m_current = 0;
    m_digits = false;
}

EscapeParser::Step EscapeParser::feed(uchar byte)
{
    switch (m_state) {
    case State::Ground:
        return Step::Aborted;
    case State::AfterEsc:
        if (byte == '[') {
            m_state = State::Csi;
            return Step::More;
        }
        if (byte == ']' || byte == 'P' || byte == 'X' || byte == '^' || byte == '_') {
            m_state = State::String; // OSC, DCS, SOS, PM, APC: text until BEL or ST
            return Step::More;
        }
        if (byte >= 0x20 && byte <= 0x2f) {
            m_state = State::Intermediate; // nF, e.g. ESC ( B
            return Step::More;
        }
        if (byte >= 0x30 && byte <= 0x7e) {
            m_state = State::Ground; // two-byte Fe/Fp/Fs such as ESC 7, ESC M, ESC '\'
            m_isSgr = false;
            return Step::Finished;
        }
        m_state = State::Ground; // a lone ESC is dropped
        return Step::Aborted;
    case State::Csi:
        if (byte >= '0' && byte <= '9') {
            m_current = qMin<quint32>(m_current * 10 + quint32(byte - '0'), kParamLimit);
            m_digits = true;
            return Step::More;
        }
        if (byte == ';' || byte == ':') {
            pushParam();
            return Step::More;
        }
        if (byte >= 0x20 && byte <= 0x3f) {
            m_sgrShaped = false; // private markers ('?') or intermediates: not an SGR
            return Step::More;
        }
        if (byte >= 0x40 && byte <= 0x7e) {
            m_state = State::Ground;
            m_isSgr = byte == 'm' && m_sgrShaped;
            if (m_isSgr && (m_digits || m_count > 0))
                pushParam();
            return Step::Finished;
        }
        m_state = State::Ground;
        return Step::Aborted;
    case State::String:
        if (byte == kBel) {
            m_state = State::Ground;
            m_isSgr = false;
            return Step::Finished;
        }
        if (byte < 0x20 || byte == kEsc) {
            // ESC starts the terminator (ESC \) as a sequence of its own.
            m_state = State::Ground;
            return Step::Aborted;
        }
        return Step::More;
    case State::Intermediate:
        if (byte >= 0x20 && byte <= 0x2f)
            return Step::More;
        m_state = State::Ground;
        if (byte >= 0x30 && byte <= 0x7e) {
            m_isSgr = false;
            return Step::Finished;
        }
        return Step::Aborted;
    }
    return Step::Aborted;
}

} // namespace pipedeck::log
