// libFuzzer target for pipedeck-sim's HTTP/1.1 request parser (sim/http_parser), the part of
// the simulator that reads whatever a client sends. The first byte says where the bytes are
// split into two reads. Beyond "no crash, no hang": every answer stays within the parser's
// limits, an error keeps nothing, and the split does not change what is parsed.
#include "fuzz_check.h"
#include "sim/http_parser.h"

#include <cstdint>

using namespace pipedeck::sim;

namespace {

void check(bool condition, const char *what)
{
    pipedeck::fuzz::check(condition, "fuzz_sim_http_parser", what);
}

struct Outcome
{
    QList<QByteArray> requests; // method, target and body of each complete request
    int errorStatus = 0;

    bool operator==(const Outcome &) const = default;
};

void drain(HttpRequestParser &parser, Outcome &outcome)
{
    for (;;) {
        const qsizetype before = parser.buffered();
        const HttpRequestParser::State state = parser.parse();
        if (state == HttpRequestParser::State::Complete) {
            const HttpRequest &request = parser.request();
            check(!request.method.isEmpty(), "a request without a method");
            check(request.body.size() <= HttpRequestParser::kMaxBodyBytes, "body over the limit");
            check(parser.buffered() < before, "a complete request consumed nothing");
            outcome.requests.append(request.method + ' ' + request.target + '\n' + request.body);
            continue;
        }
        if (state == HttpRequestParser::State::Error) {
            const int status = parser.errorStatus();
            check(status == 400 || status == 413 || status == 431 || status == 501 || status == 505,
                  "an unknown error status");
            check(parser.buffered() == 0, "bytes kept after an error");
            outcome.errorStatus = status;
        }
        return;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype split = bytes.isEmpty() ? 0 : data[0] % (bytes.size() + 1);

    Outcome whole;
    HttpRequestParser one;
    one.feed(bytes);
    drain(one, whole);

    Outcome pieces;
    HttpRequestParser two;
    two.feed(bytes.left(split));
    drain(two, pieces);
    if (pieces.errorStatus == 0) {
        two.feed(bytes.mid(split));
        drain(two, pieces);
    }
    check(pieces == whole, "the result depends on how the bytes were split");
    return 0;
}
