#pragma once

#include "wasimtypes.h"

#include "wa/binary/node.h"

namespace wagate::wasim::stanzas {

//! <stream:error code="…"><conflict type="…"/></stream:error>
wa::Node streamError(const StreamError &error);
//! <failure reason="N"/>
wa::Node failure(int reason);
//! <iq type="result" from="@s.whatsapp.net" id="ID">children</iq>; `from` is the typed server JID.
wa::Node result(const QString &id, QList<wa::Node> children = {});
//! <iq type="error" from="@s.whatsapp.net" id="ID"><error code="N" text="…"/></iq>
wa::Node error(const QString &id, int code, const QString &text);
//! A child's content as bytes, or empty if there is no such child.
QByteArray childBytes(const wa::Node &node, QAnyStringView tag);

} // namespace wagate::wasim::stanzas
