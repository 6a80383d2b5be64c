#pragma once

#include "core/messageinfo.h"
#include "core/result.h"
#include "core/session.h"
#include "engine/sessionservice.h"

#include <QJsonObject>

namespace wagate::json {

//! The session resource exactly as API.md shows it (nulls where a value is unknown).
QJsonObject sessionToJson(const SessionInfo &s);
QJsonObject transitionToJson(const StatusTransition &t);

//! The message resource exactly as API.md shows it (nulls where a value is unknown).
QJsonObject messageToJson(const MessageInfo &m);
//! The body of POST /sessions/{session}/messages; unknown fields are ignored.
Result<SendRequest> sendRequestFromJson(const QJsonObject &o);

//! Request bodies of POST /sessions and PATCH /sessions/{id}; unknown fields are ignored.
Result<SessionCreate> sessionCreateFromJson(const QJsonObject &o);
Result<SessionPatch> sessionPatchFromJson(const QJsonObject &o);

//! Opaque page tokens: they carry the last id and the filter they were made for.
QString encodePageToken(const QString &lastId, const QString &filter);
Result<QString> decodePageToken(const QString &token, const QString &filter);

} // namespace wagate::json
