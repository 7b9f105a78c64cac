#include "models/merge/longest_increasing.h"

#include <algorithm>

namespace pipedeck::models {

std::vector<int> longestIncreasingSubsequence(const std::vector<int> &values)
{
    const int n = static_cast<int>(values.size());
    std::vector<int> tails; // tails[k]: position ending the best run of length k+1
    std::vector<int> previous(values.size(), -1);
    tails.reserve(values.size());
    for (int i = 0; i < n; ++i) {
        const auto slot = std::lower_bound(
            tails.begin(), tails.end(), values[i],
            [&values](int position, int value) { return values[position] < value; });
        if (slot != tails.begin())
            previous[i] = *(slot - 1);
        if (slot == tails.end())
            tails.push_back(i);
        else
            *slot = i;
    }
    std::vector<int> positions(tails.size());
    int position = tails.empty() ? -1 : tails.back();
    for (auto it = positions.rbegin(); it != positions.rend(); ++it) {
        *it = position;
        position = previous[position];
    }
    return positions;
}

} // namespace pipedeck::models
