#pragma once

#include <vector>

namespace pipedeck::models {

//! Positions (ascending) of one longest strictly increasing subsequence of `values`, in
//! O(n log n). The merge engine keeps these rows in place and moves the others.
std::vector<int> longestIncreasingSubsequence(const std::vector<int> &values);

} // namespace pipedeck::models
