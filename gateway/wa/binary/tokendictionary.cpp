#include "tokendictionary.h"

#include "tokentables.h"

#include <QHash>

#include <array>

namespace wagate::wa {

namespace {

//! QString copies of the generated tables plus the reverse index, built once on first use so that
//! decoding shares these strings instead of allocating one per token.
struct Tables
{
    std::array<QString, detail::kSingleByteTokenCount> single;
    std::array<std::array<QString, detail::kDoubleByteDictionarySize>, detail::kDoubleByteDictionaryCount> dbl;
    QHash<QString, TokenIndex> index;

    Tables()
    {
        static_assert(detail::kSingleByteTokenCount == TokenDictionary::SingleByteCount);
        static_assert(detail::kDoubleByteDictionaryCount == TokenDictionary::DoubleByteDictionaries);
        static_assert(detail::kDoubleByteDictionarySize == TokenDictionary::DoubleByteDictionarySize);
        index.reserve(int(detail::kSingleByteTokenCount
                          + detail::kDoubleByteDictionaryCount * detail::kDoubleByteDictionarySize));
        // Index 0 is the empty string, which is never written as a token.
        for (std::size_t i = 1; i < single.size(); ++i) {
            const std::string_view token = detail::kSingleByteTokens[i];
            single[i] = QString::fromLatin1(token.data(), qsizetype(token.size()));
            index.insert(single[i], TokenIndex{-1, int(i)});
        }
        for (std::size_t d = 0; d < dbl.size(); ++d) {
            for (std::size_t i = 0; i < dbl[d].size(); ++i) {
                const std::string_view token = detail::kDoubleByteTokens[d][i];
                dbl[d][i] = QString::fromLatin1(token.data(), qsizetype(token.size()));
                // The generator guarantees uniqueness; single-byte tokens win if that ever changed.
                if (!index.contains(dbl[d][i]))
                    index.insert(dbl[d][i], TokenIndex{int(d), int(i)});
            }
        }
    }
};

const Tables &tables()
{
    static const Tables instance;
    return instance;
}

} // namespace

QString TokenDictionary::singleByte(int index)
{
    if (index < 1 || index >= SingleByteCount)
        return {};
    return tables().single[std::size_t(index)];
}

QString TokenDictionary::doubleByte(int dictionary, int index)
{
    if (dictionary < 0 || dictionary >= DoubleByteDictionaries || index < 0 || index >= DoubleByteDictionarySize)
        return {};
    return tables().dbl[std::size_t(dictionary)][std::size_t(index)];
}

std::optional<TokenIndex> TokenDictionary::indexOf(const QString &token)
{
    if (token.isEmpty())
        return std::nullopt;
    const Tables &t = tables();
    const auto it = t.index.constFind(token);
    if (it == t.index.constEnd())
        return std::nullopt;
    return *it;
}

} // namespace wagate::wa
