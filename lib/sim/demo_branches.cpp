// Many branches for the ref-picker benchmark (ServerOptions::manyBranches).
#include "sim/demo_data.h"

#include "sim/world.h"

#include <algorithm>

namespace pipedeck::sim {

void addManyBranches(World &world, Project &project, int count)
{
    static const QStringList kinds = {QStringLiteral("feature"), QStringLiteral("bugfix"),
                                      QStringLiteral("hotfix"), QStringLiteral("chore")};
    static const QStringList words = {
        QStringLiteral("login"),    QStringLiteral("rate"),     QStringLiteral("limit"),
        QStringLiteral("cache"),    QStringLiteral("token"),    QStringLiteral("refresh"),
        QStringLiteral("deploy"),   QStringLiteral("rollback"), QStringLiteral("metrics"),
        QStringLiteral("retry"),    QStringLiteral("timeout"),  QStringLiteral("search"),
        QStringLiteral("export"),   QStringLiteral("import"),   QStringLiteral("dark"),
        QStringLiteral("mode"),     QStringLiteral("billing"),  QStringLiteral("webhook"),
        QStringLiteral("pipeline"), QStringLiteral("runner"),   QStringLiteral("quota"),
        QStringLiteral("audit"),    QStringLiteral("i18n"),     QStringLiteral("ui")};
    // A few commits shared by all of them: one per branch would cost a SHA-1 each and nothing
    // a ref picker shows.
    QStringList shas;
    for (int i = 0; i < 8; ++i)
        shas.append(world
                        .addCommit(QStringLiteral("Branch work #%1").arg(i + 1),
                                   QStringLiteral("yamada"), world.nowMs() - (i + 1) * 3600000LL)
                        .sha);
    quint64 state = world.seed() * 0x9E3779B97F4A7C15ULL + 0xB5ULL;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    QSet<QString> names;
    for (const Branch &b : std::as_const(project.branches))
        names.insert(b.name);
    project.branches.reserve(project.branches.size() + count);
    int issue = 1000;
    while (count > 0) {
        issue += 1 + int(next() % 3);
        QString name = kinds[next() % kinds.size()] + QStringLiteral("/JIRA-") +
                       QString::number(issue) + QLatin1Char('-') + words[next() % words.size()] +
                       QLatin1Char('-') + words[next() % words.size()];
        if (names.contains(name))
            continue;
        names.insert(name);
        project.branches.append(Branch{name, shas[next() % shas.size()], false});
        --count;
    }
    // Kept in name order, as setBranchHead keeps them (once here, not once per branch).
    std::sort(project.branches.begin(), project.branches.end(),
              [](const Branch &a, const Branch &b) { return a.name < b.name; });
}

} // namespace pipedeck::sim
