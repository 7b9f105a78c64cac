// Writes a synthetic GitLab job log of a given size: the runner's sections
// (one huge step_script holding most lines, with collapsed nested groups),
// SGR colours on about a fifth of the lines, '\r' progress lines, an
// occasional long line, and optionally FF_TIMESTAMPS prefixes.
//   gen_gitlab_log OUTPUT SIZE_BYTES [--timestamps] [--seed N]
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

struct Random
{
    uint64_t state;
    uint64_t next()
    {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    int below(int n) { return int(next() % uint64_t(n)); }
};

class Writer
{
public:
    Writer(FILE *file, bool timestamps)
        : m_file(file)
        , m_timestamps(timestamps)
    {
        m_buffer.reserve(1 << 22);
    }
    ~Writer() { flush(); }

    // One raw line (without '\n'); `stream` 0 = runner, 1 = script.
    void line(const std::string &text, int stream = 1, bool continuation = false)
    {
        if (m_timestamps) {
            char prefix[40];
            const uint64_t us = m_micros;
            m_micros += 137;
            const unsigned seconds = unsigned(us / 1000000) % 86400;
            std::snprintf(prefix, sizeof prefix, "2024-05-14T%02u:%02u:%02u.%06uZ %02x%c%c",
                          seconds / 3600, seconds / 60 % 60, seconds % 60, unsigned(us % 1000000),
                          stream, stream == 2 ? 'E' : 'O', continuation ? '+' : ' ');
            m_buffer += prefix;
        }
        m_buffer += text;
        m_buffer += '\n';
        m_written += text.size() + 1 + (m_timestamps ? 32 : 0);
        if (m_buffer.size() > (1 << 22))
            flush();
    }
    uint64_t written() const { return m_written; }
    uint64_t seconds() const { return 1715685559 + m_micros / 1000000; }

private:
    void flush()
    {
        std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file);
        m_buffer.clear();
    }
    FILE *m_file;
    bool m_timestamps;
    std::string m_buffer;
    uint64_t m_written = 0;
    uint64_t m_micros = 0;
};

std::string marker(const char *kind, uint64_t ts, const std::string &name, const char *options = "")
{
    return std::string("section_") + kind + ":" + std::to_string(ts) + ":" + name + options +
           "\r\x1b[0K";
}

const char *kWords[] = {"compile", "link",    "module", "parser", "network", "cache",  "render",
                        "schema",  "request", "buffer", "thread", "index",   "widget", "config"};

std::string bodyLine(Random &random, uint64_t n)
{
    const char *a = kWords[random.below(14)];
    const char *b = kWords[random.below(14)];
    char text[256];
    switch (random.below(20)) {
    case 0:
    case 1:
        std::snprintf(text, sizeof text, "\x1b[32;1m$ make -j2 %s_%s_%" PRIu64 "\x1b[0;m", a, b, n);
        break;
    case 2:
        std::snprintf(text, sizeof text,
                      "\x1b[33mwarning:\x1b[0m unused variable '%s_%" PRIu64
                      "' [-Wunused-variable]",
                      a, n % 977);
        break;
    case 3:
        std::snprintf(text, sizeof text, "test_%s_%s_%" PRIu64 " ... \x1b[32mok\x1b[0m (%d ms)", a,
                      b, n, random.below(900));
        break;
    case 4:
        std::snprintf(text, sizeof text,
                      "Downloading %s artifacts  12%%\rDownloading %s artifacts  "
                      "58%%\rDownloading %s artifacts 100%%, done.",
                      a, a, a);
        break;
    default:
        std::snprintf(text, sizeof text,
                      "  CC       src/%s/%s_%" PRIu64 ".o  [%3d%%] Building CXX object %s/%s.cpp",
                      a, b, n % 10007, int(n % 101), a, b);
        break;
    }
    return text;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUTPUT SIZE_BYTES [--timestamps] [--seed N]\n", argv[0]);
        return 2;
    }
    const uint64_t target = std::strtoull(argv[2], nullptr, 10);
    bool timestamps = false;
    uint64_t seed = 42;
    for (int i = 3; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--timestamps"))
            timestamps = true;
        else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc)
            seed = std::strtoull(argv[++i], nullptr, 10);
    }
    FILE *file = std::fopen(argv[1], "wb");
    if (!file) {
        std::perror(argv[1]);
        return 1;
    }
    Random random{seed * 2654435761u + 1};
    {
        Writer out(file, timestamps);
        out.line("\x1b[0KRunning with gitlab-runner 17.5.0 (synthetic)", 0);
        out.line(marker("start", out.seconds(), "prepare_executor") +
                     "\x1b[0K\x1b[36;1mPreparing the \"docker\" executor\x1b[0;m",
                 0);
        out.line("Using Docker executor with image debian:12 ...", 0);
        out.line(marker("end", out.seconds(), "prepare_executor"), 0);
        out.line(marker("start", out.seconds(), "get_sources", "[collapsed=true]") +
                     "\x1b[0K\x1b[36;1mGetting source from Git repository\x1b[0;m",
                 0);
        out.line("\x1b[32;1mFetching changes with git depth set to 20...\x1b[0;m", 0);
        out.line(marker("end", out.seconds(), "get_sources"), 0);
        out.line(marker("start", out.seconds(), "step_script") +
                     "\x1b[0K\x1b[36;1mExecuting \"step_script\" stage of the job script\x1b[0;m",
                 0);
        const uint64_t tail = 4096;
        uint64_t n = 0;
        int group = 0;
        while (out.written() + tail < target) {
            if (n % 50000 == 0) {
                if (group > 0)
                    out.line(marker("end", out.seconds(), "group_" + std::to_string(group)));
                ++group;
                out.line(marker("start", out.seconds(), "group_" + std::to_string(group),
                                "[collapsed=true]") +
                         "Test group " + std::to_string(group));
            }
            if (n % 100003 == 77)
                out.line("\x1b[31;1mERROR: needle in the haystack " + std::to_string(n) +
                         "\x1b[0m");
            else if (n % 10007 == 5)
                out.line(std::string(2000 + random.below(3000), 'L'));
            else
                out.line(bodyLine(random, n));
            ++n;
        }
        out.line(marker("end", out.seconds(), "group_" + std::to_string(group)));
        out.line(marker("end", out.seconds(), "step_script"), 0);
        out.line(marker("start", out.seconds(), "upload_artifacts_on_success") +
                     "\x1b[0K\x1b[36;1mUploading artifacts for successful job\x1b[0;m",
                 0);
        out.line("Uploading artifacts...", 0);
        out.line(marker("end", out.seconds(), "upload_artifacts_on_success"), 0);
        out.line("\x1b[32;1mJob succeeded\x1b[0;m", 0);
    }
    std::fclose(file);
    return 0;
}
