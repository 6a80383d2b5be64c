#pragma once

#include <array>
#include <cstddef>
#include <string_view>

//! The raw token tables. Their definitions are generated at build time from the pinned Baileys
//! package (gentokens.mjs); use TokenDictionary instead of touching these directly.
namespace wagate::wa::detail {

inline constexpr std::size_t kSingleByteTokenCount = 236;
inline constexpr std::size_t kDoubleByteDictionaryCount = 4;
inline constexpr std::size_t kDoubleByteDictionarySize = 256;

extern const std::array<std::string_view, kSingleByteTokenCount> kSingleByteTokens;
extern const std::array<std::array<std::string_view, kDoubleByteDictionarySize>, kDoubleByteDictionaryCount>
    kDoubleByteTokens;

} // namespace wagate::wa::detail
