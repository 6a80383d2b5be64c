#pragma once

#include <QtGlobal>

//! Tag bytes of the binary node format (PROTOCOL.md §4.2), shared by encoder and decoder.
namespace wagate::wa::wiretag {

inline constexpr quint8 ListEmpty = 0x00;
inline constexpr quint8 Dictionary0 = 0xEC; //!< 0xEC..0xEF: double-byte dictionaries 0..3
inline constexpr quint8 Dictionary3 = 0xEF;
inline constexpr quint8 InteropJid = 0xF5;
inline constexpr quint8 FbJid = 0xF6;
inline constexpr quint8 AdJid = 0xF7;
inline constexpr quint8 List8 = 0xF8;
inline constexpr quint8 List16 = 0xF9;
inline constexpr quint8 JidPair = 0xFA;
inline constexpr quint8 Hex8 = 0xFB;
inline constexpr quint8 Binary8 = 0xFC;
inline constexpr quint8 Binary20 = 0xFD;
inline constexpr quint8 Binary32 = 0xFE;
inline constexpr quint8 Nibble8 = 0xFF;

//! Longest string the writer packs (the decoder accepts up to 254 characters).
inline constexpr qsizetype PackedMax = 127;
//! Frame flag bit: the rest of the frame is zlib-compressed.
inline constexpr quint8 FlagCompressed = 0x02;

} // namespace wagate::wa::wiretag
