#include "sim/trace_generator.h"

#include <QBuffer>
#include <QDateTime>

#include <algorithm>

namespace pipedeck::sim {

namespace {

constexpr char kReset[] = "\033[0;m";
constexpr char kClear[] = "\033[0K";

class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed)
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    QByteArray hex(int chars)
    {
        QByteArray out;
        while (out.size() < chars)
            out += QByteArray::number(next(), 16).rightJustified(16, '0');
        return out.left(chars);
    }

private:
    quint64 m_state;
};

// Writes log lines the way gitlab-runner does, optionally with FF_TIMESTAMPS prefixes, and cuts
// them into timed chunks.
class LogWriter
{
public:
    LogWriter(qint64 startedAtMs, bool timestamps, double bucketSeconds)
        : m_startMs(startedAtMs)
        , m_timestamps(timestamps)
        , m_bucket(bucketSeconds)
    {}

    void at(double seconds) { m_now = std::max(m_now, seconds); }
    double now() const { return m_now; }

    // One complete line of output on the given stream (0 = runner, 1 = script).
    void line(const QByteArray &text, int stream = 1, char type = 'O')
    {
        write(prefix(stream, type, false) + text + '\n');
    }

    void sectionStart(const QByteArray &name, const QByteArray &header, bool collapsed)
    {
        const QByteArray marker = "section_start:" + unixSeconds() + ':' + name +
                                  (collapsed ? QByteArray("[collapsed=true]") : QByteArray()) +
                                  '\r' + kClear;
        const QByteArray title = QByteArray(kClear) + "\033[36;1m" + header + kReset + '\n';
        if (m_timestamps) {
            write(prefix(0, 'O', false) + marker + '\n');
            write(prefix(0, 'O', true) + title);
        } else {
            write(QByteArray(kClear) + marker + title);
        }
    }

    void sectionEnd(const QByteArray &name)
    {
        const QByteArray marker = "section_end:" + unixSeconds() + ':' + name + '\r' + kClear;
        if (m_timestamps)
            write(prefix(0, 'O', false) + marker + '\n');
        else
            write(QByteArray(kClear) + marker);
    }

    // A progress line: several updates on one line separated by `\r`, spread over time.
    void progress(const QList<QByteArray> &updates, double seconds)
    {
        const double step = updates.isEmpty() ? 0 : seconds / double(updates.size());
        for (qsizetype i = 0; i < updates.size(); ++i) {
            const bool last = i == updates.size() - 1;
            if (m_timestamps)
                write(prefix(1, 'O', i > 0) + updates[i] + (last ? "\n" : "\r\n"));
            else
                write((i > 0 ? QByteArray("\r") : QByteArray()) + updates[i] + (last ? "\n" : ""));
            at(m_now + step);
        }
    }

    QList<TraceChunk> finish(const QByteArray &trailer, double endSeconds)
    {
        flush();
        m_chunks.append(TraceChunk{endSeconds, trailer});
        return m_chunks;
    }

    void writeRaw(const QByteArray &bytes) { write(bytes); }
    QByteArray prefixFor(int stream, char type, bool append)
    {
        return prefix(stream, type, append);
    }

private:
    QByteArray unixSeconds() const
    {
        return QByteArray::number((m_startMs + qint64(m_now * 1000)) / 1000);
    }

    QByteArray prefix(int stream, char type, bool append) const
    {
        if (!m_timestamps)
            return {};
        // Lines written in the same instant still differ in their microseconds, as real ones do.
        const qint64 totalMicros =
            m_startMs * 1000 + qint64(m_now * 1e6) + (++m_lines * 7919) % 997;
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(totalMicros / 1000, Qt::UTC);
        return t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1() + '.' +
               QByteArray::number(totalMicros % 1000000).rightJustified(6, '0') + "Z " +
               QByteArray::number(stream, 16).rightJustified(2, '0') + type + (append ? '+' : ' ');
    }

    void write(const QByteArray &bytes)
    {
        if (m_current.isEmpty())
            m_currentAt = m_now;
        else if (m_now - m_currentAt >= m_bucket)
            flush(), m_currentAt = m_now;
        m_current += bytes;
    }

    void flush()
    {
        if (!m_current.isEmpty())
            m_chunks.append(TraceChunk{m_currentAt, m_current});
        m_current.clear();
    }

    qint64 m_startMs;
    mutable qint64 m_lines = 0;
    bool m_timestamps;
    double m_bucket;
    double m_now = 0;
    double m_currentAt = 0;
    QByteArray m_current;
    QList<TraceChunk> m_chunks;
};

QByteArray green(const QByteArray &text)
{
    return "\033[32;1m" + text + kReset;
}
QByteArray red(const QByteArray &text)
{
    return "\033[31;1m" + text + kReset;
}
QByteArray yellow(const QByteArray &text)
{
    return "\033[0;33m" + text + kReset;
}

QByteArray imageFor(const QString &stage)
{
    if (stage == QLatin1String("build"))
        return "golang:1.22-alpine";
    if (stage == QLatin1String("deploy"))
        return "registry.example.invalid/tools/deployer:3.4";
    return "node:20-alpine";
}

void writeScript(LogWriter &log, Rng &rng, const TraceRecipe &recipe, double from, double to)
{
    const QByteArray stage = recipe.stage.toUtf8();
    const double span = std::max(0.5, to - from);
    if (!recipe.variables.isEmpty()) {
        QByteArray keys;
        for (const auto &[key, value] : recipe.variables)
            keys += (keys.isEmpty() ? "" : "|") + key.toUtf8();
        log.line(green("$ env | grep -E '^(" + keys + ")='"));
        for (const auto &[key, value] : recipe.variables)
            log.line(key.toUtf8() + '=' + value.toUtf8());
        if (stage == "deploy") {
            // The demo's deploy script, so the user sees the values they played with took
            // effect (unset variables expand to nothing, as in the shell).
            QByteArray version;
            QByteArray environment;
            for (const auto &[key, value] : recipe.variables) {
                if (key == QLatin1String("VERSION"))
                    version = value.toUtf8();
                else if (key == QLatin1String("ENVIRONMENT"))
                    environment = value.toUtf8();
            }
            log.line(green("$ echo \"Deploying $VERSION to $ENVIRONMENT\""));
            log.line("Deploying " + version + " to " + environment);
        }
    }
    if (stage == "build") {
        log.line(green("$ go mod download"));
        log.progress({"go: downloading modules 0/36", "go: downloading modules 12/36",
                      "go: downloading modules 27/36", "go: downloading modules 36/36 done"},
                     span * 0.15);
        log.line(green("$ make build"));
        const int files = 20 + rng.below(30);
        for (int i = 1; i <= files; ++i) {
            log.at(from + span * (0.15 + 0.75 * double(i) / files));
            log.line("[" + QByteArray::number(i) + '/' + QByteArray::number(files) +
                     "] compiling "
                     "internal/pkg" +
                     QByteArray::number(rng.below(9)) + "/file_" + QByteArray::number(i) + ".go");
        }
        log.line("\033[1mbuilt\033[22m bin/server (" + QByteArray::number(18 + rng.below(9)) +
                 ".4 MB) in " + QByteArray::number(int(span)) + "s");
        return;
    }
    if (stage == "deploy") {
        log.line(green("$ deployer apply --environment " + recipe.jobName.toUtf8()));
        const QList<QByteArray> steps = {
            "rendering manifests", "validating 14 resources", "applying deployment/api-gateway",
            "waiting for rollout (3 replicas)", "health check /healthz"};
        for (qsizetype i = 0; i < steps.size(); ++i) {
            log.at(from + span * double(i + 1) / double(steps.size() + 1));
            log.line("\033[34m==>\033[0m " + steps[i]);
        }
        log.progress({"rollout 0/3 ready", "rollout 1/3 ready", "rollout 2/3 ready",
                      "rollout 3/3 ready \xe2\x9c\x85"},
                     span * 0.1);
        return;
    }
    // test-like stages: install, then a test run with nested collapsed install section
    log.sectionStart("npm_ci", "$ npm ci", true);
    log.progress({"added 0 packages", "added 311 packages", "added 845 packages",
                  "added 1203 packages in 9s"},
                 span * 0.15);
    log.line(yellow("npm WARN deprecated inflight@1.0.6: This module is not supported"), 1, 'E');
    log.sectionEnd("npm_ci");
    log.line(green("$ npm test -- --ci --reporters=default"));
    const int tests = 40 + rng.below(80);
    const int failing = recipe.outcome == QLatin1String("failed") ? 1 + rng.below(3) : 0;
    const int failAt = tests / 2;
    static const char *const subjects[] = {"auth",     "router",  "rate limiter", "cache",
                                           "session",  "metrics", "tokens",       "config",
                                           "ログイン", "i18n 🌏"};
    for (int i = 0; i < tests; ++i) {
        log.at(from + span * (0.2 + 0.75 * double(i) / tests));
        const QByteArray subject = subjects[rng.below(10)];
        const QByteArray name = subject + " handles case #" + QByteArray::number(i + 1);
        const QByteArray ms = " (" + QByteArray::number(1 + rng.below(250)) + " ms)";
        if (failing && i >= failAt && i < failAt + failing) {
            log.line("  " + red("\xe2\x9c\x95 " + name) + ms);
            log.line("    " + red("Expected: 200"), 1, 'E');
            log.line("    " + red("Received: 503"), 1, 'E');
            log.line("      at Object.<anonymous> (test/" + subject.left(6) +
                         ".test.js:" + QByteArray::number(10 + rng.below(300)) + ":17)",
                     1, 'E');
        } else {
            log.line("  \033[32m\xe2\x9c\x93\033[0m " + name + "\033[2m" + ms + "\033[0m");
        }
    }
    log.line("");
    if (failing)
        log.line("Tests:       " + red(QByteArray::number(failing) + " failed") + ", " +
                 QByteArray::number(tests - failing) + " passed, " + QByteArray::number(tests) +
                 " total");
    else
        log.line("Tests:       " + green(QByteArray::number(tests) + " passed") + ", " +
                 QByteArray::number(tests) + " total");
    log.line("Coverage:    " + QByteArray::number(70 + rng.below(25)) + "." +
             QByteArray::number(rng.below(10)) + "% of statements");
}

} // namespace

QList<TraceChunk> generateTrace(const TraceRecipe &recipe)
{
    Rng rng(recipe.seed ^ 0xC0FFEE1234ULL);
    const double duration = std::max(1.0, recipe.durationSeconds);
    LogWriter log(recipe.startedAtMs, recipe.timestamps, std::max(1.0, duration / 40.0));
    const QByteArray runnerRevision = rng.hex(8);
    log.line("\033[0KRunning with gitlab-runner 17.5.0 (" + runnerRevision + ")" + kReset, 0);
    log.line("\033[0K  on " + recipe.runnerDescription.toUtf8() + ' ' + rng.hex(8) +
                 ", system ID: s_" + rng.hex(12) + kReset,
             0);
    if (recipe.timestamps)
        log.line("\033[0K\033[36;1mFF_TIMESTAMPS is enabled: every line carries its time" +
                     QByteArray(kReset),
                 0);
    const QByteArray image = imageFor(recipe.stage);
    log.sectionStart("prepare_executor", "Preparing the \"docker\" executor", false);
    log.line("\033[0KUsing Docker executor with image " + image + " ..." + kReset, 0);
    log.at(duration * 0.02);
    log.line("\033[0KPulling docker image " + image + " ..." + kReset, 0);
    log.at(duration * 0.04);
    log.line("\033[0KUsing docker image sha256:" + rng.hex(64) + " for " + image + kReset, 0);
    log.sectionEnd("prepare_executor");
    log.sectionStart("prepare_script", "Preparing environment", false);
    log.line("Running on runner-" + rng.hex(8) + "-project-" + QByteArray::number(rng.below(90)) +
                 "-concurrent-0 via build-host-" + QByteArray::number(1 + rng.below(4)) + "...",
             0);
    log.at(duration * 0.06);
    log.sectionEnd("prepare_script");
    log.sectionStart("get_sources", "Getting source from Git repository", true);
    log.line(green("Fetching changes with git depth set to 20..."), 0);
    log.line(
        "Initialized empty Git repository in /builds/" + recipe.projectPath.toUtf8() + "/.git/", 0);
    log.line(green("Created fresh repository."), 0);
    log.at(duration * 0.1);
    log.line(green("Checking out " + recipe.sha.left(8).toUtf8() + " as detached HEAD (ref is " +
                   recipe.ref.toUtf8() + ")..."),
             0);
    log.line("", 0);
    log.line(green("Skipping Git submodules setup"), 0);
    log.sectionEnd("get_sources");
    log.at(duration * 0.12);
    log.sectionStart("restore_cache", "Restoring cache", true);
    log.line(green("Checking cache for default-protected..."), 0);
    log.line(yellow("WARNING: file does not exist"), 0);
    log.line(yellow("Failed to extract cache"), 0);
    log.sectionEnd("restore_cache");
    log.at(duration * 0.15);
    log.sectionStart("step_script", "Executing \"step_script\" stage of the job script", false);
    log.line("\033[0KUsing docker image sha256:" + rng.hex(64) + " for " + image + kReset, 0);
    writeScript(log, rng, recipe, duration * 0.15, duration * 0.9);
    log.at(duration * 0.92);
    log.sectionEnd("step_script");
    const bool success = recipe.outcome == QLatin1String("success");
    const QByteArray upload =
        success ? "upload_artifacts_on_success" : "upload_artifacts_on_failure";
    log.sectionStart(
        upload, "Uploading artifacts for " + QByteArray(success ? "successful" : "failed") + " job",
        false);
    log.line(green("Uploading artifacts..."), 0);
    log.line("coverage/: found " + QByteArray::number(20 + rng.below(200)) +
                 " matching artifact files and directories",
             0);
    log.at(duration * 0.97);
    log.line("Uploading artifacts as \"archive\" to coordinator... 201 Created", 0);
    log.sectionEnd(upload);
    log.sectionStart("cleanup_file_variables",
                     "Cleaning up project directory and file based variables", false);
    log.at(duration * 0.99);
    log.sectionEnd("cleanup_file_variables");
    QByteArray trailer;
    if (recipe.timestamps)
        trailer = log.prefixFor(0, 'O', false);
    if (success)
        trailer += green("Job succeeded") + '\n';
    else if (recipe.outcome == QLatin1String("canceled"))
        trailer += yellow("WARNING: Job was canceled") + '\n';
    else
        trailer += red("ERROR: Job failed: exit code 1\n") + '\n';
    if (!recipe.timestamps)
        trailer.prepend('\n');
    return log.finish(trailer, duration);
}

namespace {

// Collects appended bytes and writes them to a device in slices; size() counts all of them.
class SlicedOutput
{
public:
    explicit SlicedOutput(QIODevice &device)
        : m_device(device)
    {
        m_buffer.reserve(kSliceBytes + 64 * 1024);
    }
    template<class Bytes> SlicedOutput &operator+=(const Bytes &bytes)
    {
        m_buffer += bytes;
        if (m_buffer.size() >= kSliceBytes)
            flush();
        return *this;
    }
    qint64 size() const { return m_written + m_buffer.size(); }
    bool flush()
    {
        if (!m_buffer.isEmpty()) {
            m_ok = m_ok && m_device.write(m_buffer) == m_buffer.size();
            m_written += m_buffer.size();
            m_buffer.resize(0); // keeps the capacity for the next slice
        }
        return m_ok;
    }

private:
    static constexpr qsizetype kSliceBytes = 1024 * 1024;
    QIODevice &m_device;
    QByteArray m_buffer;
    qint64 m_written = 0;
    bool m_ok = true;
};

} // namespace

QByteArray generateBigLog(qint64 minBytes, quint64 seed, qint64 startedAtMs)
{
    QByteArray bytes;
    bytes.reserve(minBytes + 64 * 1024);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    writeBigLog(buffer, minBytes, seed, startedAtMs);
    return bytes;
}

bool writeBigLog(QIODevice &device, qint64 minBytes, quint64 seed, qint64 startedAtMs)
{
    Rng rng(seed ^ 0xB16B16ULL);
    SlicedOutput out(device);
    qint64 ts = startedAtMs / 1000;
    auto marker = [&](const char *kind, const QByteArray &name, bool collapsed) {
        out += "\033[0Ksection_";
        out += kind;
        out += ':';
        out += QByteArray::number(ts);
        out += ':';
        out += name;
        if (collapsed)
            out += "[collapsed=true]";
        out += "\r\033[0K";
    };
    out += "\033[0KRunning with gitlab-runner 17.5.0 (3f8a5c21)\033[0;m\n";
    out += "\033[0K  on k8s-runner-arm64 Zq3xk1Vb, system ID: s_5d41402abc4b\033[0;m\n";
    marker("start", "prepare_executor", false);
    out += "\033[0K\033[36;1mPreparing the \"kubernetes\" executor\033[0;m\n";
    out += "\033[0KUsing Kubernetes executor with image python:3.12-slim ...\033[0;m\n";
    marker("end", "prepare_executor", false);
    marker("start", "step_script", false);
    out += "\033[0K\033[36;1mExecuting \"step_script\" stage of the job script\033[0;m\n";
    out += "\033[32;1m$ python -m etl.load --all-partitions --verbose\033[0;m\n";
    static const char *const tables[] = {"orders",   "customers", "line_items", "shipments",
                                         "invoices", "products",  "注文履歴",   "events_📈"};
    qint64 batch = 0;
    int partition = 0;
    while (out.size() < minBytes) {
        ++partition;
        const QByteArray name = "partition_" + QByteArray::number(partition);
        marker("start", name, partition % 3 != 1);
        out += "\033[0K\033[36;1mLoading partition " + QByteArray::number(partition) + "\033[0;m\n";
        const int lines = 4000 + rng.below(4000);
        for (int i = 0; i < lines && out.size() < minBytes; ++i) {
            ++batch;
            const int kind = rng.below(1000);
            const QByteArray table = tables[batch % 8];
            out += '[';
            out += QByteArray::number(double(batch) * 0.0137, 'f', 3).rightJustified(12, ' ');
            out += "s] ";
            if (kind < 6) {
                out += "\033[31;1mERROR\033[0;m etl.loader: batch ";
                out += QByteArray::number(batch);
                out += " rejected 3 rows in ";
                out += table;
                out += " (constraint violation: fk_customer)\n";
            } else if (kind < 40) {
                out += "\033[33mWARN \033[0m etl.loader: slow batch ";
                out += QByteArray::number(batch);
                out += " took ";
                out += QByteArray::number(900 + rng.below(4000));
                out += " ms on ";
                out += table;
                out += '\n';
            } else if (kind < 45) {
                out += "progress 0%\rprogress 25%\rprogress 50%\rprogress 75%\rprogress 100%\n";
            } else {
                out += "\033[32mINFO \033[0m etl.loader: batch ";
                out += QByteArray::number(batch).rightJustified(8, '0');
                out += " rows=";
                out += QByteArray::number(4000 + rng.below(1000));
                out += " table=";
                out += table;
                out += " checksum=";
                out += QByteArray::number(rng.next() & 0xffffffffULL, 16);
                out += '\n';
            }
        }
        ts += 30 + rng.below(60);
        marker("end", name, false);
    }
    marker("end", "step_script", false);
    out += "\033[32;1mJob succeeded\033[0;m\n";
    return out.flush();
}

} // namespace pipedeck::sim
