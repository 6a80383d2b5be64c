#pragma once

#include "core/result.h"
#include "wa/binary/node.h"

#include <QByteArray>

namespace wagate::wa {

//! Encodes nodes in WhatsApp's binary format (dictionary version 3).
//!
//! Strings follow the writer order of the protocol notes: single-byte token, double-byte token,
//! NIBBLE_8 (≤ 127 chars of 0-9 - .), HEX_8 (≤ 127 chars of 0-9 A-F), else raw UTF-8. JIDs follow
//! whatsmeow: AD_JID for a device > 0 on s.whatsapp.net or lid (or a raw agent) and for every
//! hosted/hosted.lid JID, FB_JID for msgr, INTEROP_JID for interop, JID_PAIR for the rest.
//! Anything that cannot be represented faithfully (an empty tag, a device on a group JID, more than
//! 65,535 children, nesting deeper than the decoder accepts) is refused rather than altered.
class NodeEncoder
{
public:
    enum class Compression {
        None, //!< flag byte 0x00; what clients always send
        Zlib, //!< flag byte 0x02 and an RFC 1950 stream; what the server may send
    };

    //! A frame payload: the flag byte followed by the node.
    static Result<QByteArray> encode(const Node &node, Compression compression = Compression::None);
    //! The bare node, without the flag byte.
    static Result<QByteArray> encodeNode(const Node &node);
};

} // namespace wagate::wa
