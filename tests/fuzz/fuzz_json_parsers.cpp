// libFuzzer target for the GitLab JSON parsers (gitlab/parse): every entity, alone and in
// lists, and GitLab's error bodies. Beyond "no crash, no hang": a parser either returns a
// value or says which field was wrong, and a list parses only when each of its elements does.
#include "fuzz_check.h"
#include "gitlab/parse/json_parsers.h"

#include <QJsonDocument>

#include <cstdint>

using namespace pipedeck::gitlab;

namespace {

void check(bool condition, const char *what)
{
    pipedeck::fuzz::check(condition, "fuzz_json_parsers", what);
}

template<class Parse> void one(const QJsonObject &object, Parse parse)
{
    QString error;
    const auto value = parse(object, &error);
    check(value.has_value() || !error.isEmpty(), "an object was refused without a reason");
    check(parse(object, nullptr).has_value() == value.has_value(), "the result depends on error");
}

template<class ParseList, class ParseOne>
void list(const QJsonArray &array, ParseList parseList, ParseOne parseOne)
{
    QString error;
    const auto values = parseList(array, &error);
    check(values.has_value() || !error.isEmpty(), "a list was refused without a reason");
    bool everyOne = true;
    for (const QJsonValue &element : array)
        everyOne = everyOne && element.isObject() && parseOne(element.toObject(), nullptr);
    check(values.has_value() == everyOne, "a list's verdict differs from its elements'");
    if (values)
        check(values->size() == array.size(), "a list lost or gained elements");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    parseErrorMessage(body);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (document.isObject()) {
        const QJsonObject object = document.object();
        one(object, parseUser);
        one(object, parseTokenInfo);
        one(object, parseVersion);
        one(object, parseProject);
        one(object, parsePipeline);
        one(object, parseJob);
        one(object, parseBridge);
        one(object, parseTrigger);
        one(object, parseVariable);
        one(object, parseBranch);
        one(object, parseTag);
    } else if (document.isArray()) {
        const QJsonArray array = document.array();
        list(array, parseProjects, parseProject);
        list(array, parsePipelines, parsePipeline);
        list(array, parseJobs, parseJob);
        list(array, parseBridges, parseBridge);
        list(array, parseTriggers, parseTrigger);
        list(array, parseVariables, parseVariable);
        list(array, parseBranches, parseBranch);
        list(array, parseTags, parseTag);
    }
    return 0;
}
