#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace wagate::wasim {

//! The text a companion shows as its QR code while it waits to be linked (PROTOCOL.md §5.4):
//! `https://wa.me/settings/linked_devices#REF,NOISE,IDENTITY,ADV,PLATFORM`, keys in standard base64.
//! The phone reads the ref to find the waiting connection, and the keys to vouch for the companion.
struct PairingQr
{
    QByteArray ref;         //!< the server's ref, opaque ASCII
    QByteArray noiseKey;    //!< the companion's noise public key (32 bytes)
    QByteArray identityKey; //!< the companion's identity public key (32 bytes)
    QByteArray advSecret;   //!< the companion's random ADV secret (32 bytes)
    QString platform;       //!< companion web-client type, e.g. "1" (Chrome); empty in the old form

    //! The URL prefix of the current format.
    static QString urlPrefix();

    //! Parses the current form, and also the older one (no URL prefix, no platform field) that
    //! Baileys 6 shows. The ref may itself contain commas: the four fields after it are fixed.
    //! Errors are invalid_argument with a message that names the bad part (never its value).
    static Result<PairingQr> parse(const QString &text);

    //! The current form (with prefix and platform).
    QString toString() const;
};

} // namespace wagate::wasim
