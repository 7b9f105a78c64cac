#pragma once

#include <QtGlobal>

#include <array>

namespace pipedeck::log {

// A resumable parser for one escape sequence, fed byte by byte after an ESC.
// It keeps no pointer into the log, so a sequence cut between two appended
// chunks resumes exactly where it stopped. Only SGR (ESC [ ... m) has an effect;
// every other sequence (CSI, OSC/DCS strings, nF, Fe/Fp/Fs) is recognised and
// dropped whole, like GitLab does. Memory is bounded whatever the input: at most
// kMaxParams parameters are kept and each saturates.
class EscapeParser
{
public:
    static constexpr int kMaxParams = 32;
    static constexpr quint32 kParamLimit = 0xffffff;

    enum class Step {
        More,     // the byte was consumed, the sequence goes on
        Finished, // the byte was consumed and ended the sequence
        Aborted,  // the byte is not part of the sequence: the sequence is dropped
                  // and the caller must process the byte itself
    };

    // Starts a sequence; the ESC itself has been consumed.
    void begin()
    {
        m_state = State::AfterEsc;
        m_count = 0;
        m_current = 0;
        m_digits = false;
        m_sgrShaped = true;
    }
    bool active() const { return m_state != State::Ground; }
    void reset() { m_state = State::Ground; }

    Step feed(uchar byte);

    // After Step::Finished: whether the sequence was an SGR and its parameters.
    bool isSgr() const { return m_isSgr; }
    const quint32 *params() const { return m_params.data(); }
    int paramCount() const { return m_count; }

    friend bool operator==(const EscapeParser &a, const EscapeParser &b)
    {
        return a.m_state == b.m_state && a.m_count == b.m_count && a.m_current == b.m_current &&
               a.m_digits == b.m_digits && a.m_sgrShaped == b.m_sgrShaped &&
               a.m_params == b.m_params;
    }

private:
    enum class State : quint8 { Ground, AfterEsc, Csi, String, Intermediate };

    void pushParam();

    std::array<quint32, kMaxParams> m_params{};
    quint32 m_current = 0;
    qint32 m_count = 0;
    State m_state = State::Ground;
    bool m_digits = false;
    bool m_sgrShaped = true;
    bool m_isSgr = false;
};

} // namespace pipedeck::log
