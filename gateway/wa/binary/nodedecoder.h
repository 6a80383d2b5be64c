#pragma once

#include "core/error.h"
#include "wa/binary/node.h"

#include <QByteArrayView>
#include <QDebug>

#include <variant>

namespace wagate::wa {

//! Bounds for decoding untrusted frames. The defaults fit every stanza of the linked-device flows by
//! a wide margin while keeping one hostile frame from costing more than a few tens of MiB.
struct DecodeLimits
{
    //! Nesting depth of nodes; real stanzas stay below ten.
    int maxDepth = 64;
    //! Nodes per frame, counting the root (a pre-key upload holds about 2,500).
    qsizetype maxNodes = 200000;
    //! Inflated size of a compressed frame; a frame itself is below 16 MiB, so is its content.
    qsizetype maxInflatedSize = 16 * 1024 * 1024;
};

//! Why a frame was rejected, and where (byte offset into the node data after the flag byte and any
//! inflation). Messages describe structure, never content bytes.
struct NodeError
{
    enum class Code {
        EmptyInput,        //!< no bytes at all
        Truncated,         //!< input ends inside a field
        InvalidTag,        //!< a byte that is not valid where it stands
        InvalidNode,       //!< e.g. empty list header, empty tag, non-string attribute key
        InvalidPacked,     //!< bad nibble or an odd-length flag on an empty packed string
        InvalidJid,        //!< e.g. JID without server, wrong FB/interop server, '@' inside a part
        ListBeyondInput,   //!< a list size that the remaining bytes cannot hold
        LengthBeyondInput, //!< a byte length larger than the remaining input
        TooDeep,           //!< nesting beyond DecodeLimits::maxDepth
        TooManyNodes,      //!< more nodes than DecodeLimits::maxNodes
        TrailingBytes,     //!< bytes left after the root node
        BadCompression,    //!< the zlib stream is corrupt, truncated or followed by garbage
        InflatedTooLarge,  //!< inflating would exceed DecodeLimits::maxInflatedSize
    };

    Code code = Code::InvalidNode;
    qsizetype offset = 0;
    QString message;

    //! A stable snake_case name, e.g. "list_beyond_input"; for logs and tests.
    static QString codeName(Code code);
    //! The gateway's error vocabulary: invalid_argument with the reason in details.
    Error toError() const;
};

//! Prints `NodeError(code at offset: message)`.
QDebug operator<<(QDebug debug, const NodeError &error);

//! A decoded node or the reason it could not be decoded.
class [[nodiscard]] DecodeResult
{
public:
    DecodeResult(Node node) : m_v(std::move(node)) {}
    DecodeResult(NodeError error) : m_v(std::move(error)) {}

    //! True if a node was decoded.
    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    //! The node; only valid if ok().
    const Node &node() const & { return std::get<0>(m_v); }
    Node &&node() && { return std::get<0>(std::move(m_v)); }
    //! The error; only valid if !ok().
    const NodeError &error() const { return std::get<1>(m_v); }

private:
    std::variant<Node, NodeError> m_v;
};

//! Decodes binary nodes. Pure and reentrant: every input is bounded by DecodeLimits and rejected with
//! a typed NodeError, never a crash and never an allocation larger than the input (or the inflate cap).
class NodeDecoder
{
public:
    explicit NodeDecoder(DecodeLimits limits = {}) : m_limits(limits) {}

    //! Decodes a decrypted transport frame: the flag byte (bit 0x02 = zlib, RFC 1950), then exactly
    //! one node.
    DecodeResult decode(QByteArrayView frame) const;
    //! Decodes exactly one bare node, without a flag byte.
    DecodeResult decodeNode(QByteArrayView data) const;

    //! The limits this decoder enforces.
    const DecodeLimits &limits() const { return m_limits; }

private:
    DecodeLimits m_limits;
};

} // namespace wagate::wa
