#pragma once

#include <QString>

#include <optional>

namespace wagate::wa {

//! Where a string sits in the WhatsApp token dictionaries (version 3): a single-byte token, or an
//! index into one of the four double-byte dictionaries.
struct TokenIndex
{
    //! -1 for a single-byte token, else the double-byte dictionary 0..3.
    int dictionary = -1;
    int index = 0;

    //! True for a single-byte token (index 1..235).
    bool isSingleByte() const { return dictionary < 0; }
    friend bool operator==(const TokenIndex &, const TokenIndex &) = default;
};

//! The token dictionaries of the binary node format. The tables are generated at build time from the
//! pinned Baileys package and verified by hash; this class only answers look-ups, without allocating.
class TokenDictionary
{
public:
    static constexpr int SingleByteCount = 236;
    static constexpr int DoubleByteDictionaries = 4;
    static constexpr int DoubleByteDictionarySize = 256;

    //! The single-byte token at index 1..235; a null string for 0 (never written) or out of range.
    static QString singleByte(int index);
    //! The token at (dictionary 0..3, index 0..255); a null string when out of range.
    static QString doubleByte(int dictionary, int index);
    //! The dictionary slot of a string, single-byte tokens first; nothing for non-tokens and "".
    static std::optional<TokenIndex> indexOf(const QString &token);
};

} // namespace wagate::wa
