// libFuzzer target for secret redaction (secrets/redaction). The first byte says how long the
// registered secret is (taken from the input after it); the rest is the text. Beyond "no
// crash": a registered secret never survives in the text, as bytes or as a string, and text
// without secrets or token prefixes comes back as it was.
#include "fuzz_check.h"
#include "secrets/redaction.h"

#include <cstdint>

using namespace pipedeck;

namespace {

void check(bool condition, const char *what)
{
    pipedeck::fuzz::check(condition, "fuzz_redaction", what);
}

bool sharesCharacterWith(const QByteArray &a, QLatin1StringView b)
{
    for (char c : a) {
        if (b.contains(QLatin1Char(c)))
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const qsizetype secretLength = std::min<qsizetype>(data[0] % 40, rest.size());
    const QByteArray secret = rest.left(secretLength);
    const QByteArray text = rest;

    // Nothing registered: only token prefixes are masked, and text without "gl" or "GR"
    // (the prefixes' first letters) is left alone.
    const QByteArray untouched = redactSecrets(text);
    if (!text.toLower().contains("gl") && !text.toLower().contains("gr"))
        check(untouched == text, "text without a token was changed");

    const bool registered = registerSecret(secret);
    check(registered == (secret.size() >= minimumRegisteredSecretLength),
          "a secret was refused or accepted against the length rule");
    const QByteArray masked = redactSecrets(text);
    const QString maskedText = redactSecrets(QString::fromUtf8(text));
    // The marker itself could spell a secret made of its letters: those are left out.
    if (registered && !sharesCharacterWith(secret, redactedMarker)) {
        check(!masked.contains(secret), "a registered secret survived (bytes)");
        check(!maskedText.contains(QString::fromUtf8(secret)) || !secret.isValidUtf8(),
              "a registered secret survived (string)");
    }
    if (registered)
        unregisterSecret(secret);
    check(registeredSecretCount() == 0, "a secret stayed registered");
    return 0;
}
