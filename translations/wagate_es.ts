<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ErrorText</name>
    <message>
        <source>Needs the “%1” permission, which your sign-in does not have.</source>
        <translation>Necesita el permiso “%1”, que tu acceso no tiene.</translation>
    </message>
    <message>
        <source>Your sign-in does not allow this: it lacks the “%1” permission.</source>
        <translation>Tu acceso no permite esto: le falta el permiso “%1”.</translation>
    </message>
    <message>
        <source>Your sign-in does not allow this.</source>
        <translation>Tu acceso no permite esto.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer accepted. Sign in again.</source>
        <translation>Tu acceso ya no es válido. Vuelve a iniciar sesión.</translation>
    </message>
    <message>
        <source>This session no longer exists; someone may have deleted it.</source>
        <translation>Esta sesión ya no existe; puede que alguien la haya eliminado.</translation>
    </message>
    <message>
        <source>The gateway cannot do this right now: %1</source>
        <translation>El gateway no puede hacer esto ahora: %1</translation>
    </message>
    <message>
        <source>Something went wrong inside Wagate. The log has the details.</source>
        <translation>Algo salió mal dentro de Wagate. El registro tiene los detalles.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Demasiados intentos. Espera un momento y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>MessageStatusLook</name>
    <message>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leído</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falló</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <source>Waiting in the outbox; it leaves at the session&apos;s sending pace.</source>
        <translation>Esperando en la bandeja de salida; sale al ritmo de envío de la sesión.</translation>
    </message>
    <message>
        <source>Handed to WhatsApp; waiting for WhatsApp to take it.</source>
        <translation>Entregado a WhatsApp; esperando a que WhatsApp lo acepte.</translation>
    </message>
    <message>
        <source>WhatsApp took it; not yet on the recipient&apos;s phone.</source>
        <translation>WhatsApp lo aceptó; todavía no llegó al teléfono del destinatario.</translation>
    </message>
    <message>
        <source>On the recipient&apos;s phone, not yet read.</source>
        <translation>En el teléfono del destinatario, aún sin leer.</translation>
    </message>
    <message>
        <source>Read on the recipient&apos;s phone.</source>
        <translation>Leído en el teléfono del destinatario.</translation>
    </message>
    <message>
        <source>It was not sent.</source>
        <translation>No se envió.</translation>
    </message>
    <message>
        <source>Canceled before it left.</source>
        <translation>Cancelado antes de salir.</translation>
    </message>
    <message>
        <source>Arrived from this chat.</source>
        <translation>Llegó de este chat.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>To %1</source>
        <translation>Para %1</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>De %1</translation>
    </message>
    <message>
        <source>This number is not on WhatsApp.</source>
        <translation>Este número no está en WhatsApp.</translation>
    </message>
    <message>
        <source>It waited too long in the outbox and was not sent (a message is kept for a day unless told otherwise).</source>
        <translation>Esperó demasiado en la bandeja de salida y no se envió (un mensaje espera un día, salvo que se indique otra cosa).</translation>
    </message>
    <message>
        <source>The number was logged out before the message left. Link it again and send the message again.</source>
        <translation>Se cerró la sesión del número antes de que saliera el mensaje. Vincula el número otra vez y vuelve a enviar el mensaje.</translation>
    </message>
    <message>
        <source>WhatsApp cannot reach this recipient; check the number.</source>
        <translation>WhatsApp no puede llegar a este destinatario; revisa el número.</translation>
    </message>
    <message>
        <source>WhatsApp refused the message (code %1).</source>
        <translation>WhatsApp rechazó el mensaje (código %1).</translation>
    </message>
    <message>
        <source>WhatsApp refused the message.</source>
        <translation>WhatsApp rechazó el mensaje.</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>No se pudo enviar el mensaje.</translation>
    </message>
    <message>
        <source>WhatsApp limited new chats (463)</source>
        <translation>WhatsApp limitó los chats nuevos (463)</translation>
    </message>
    <message>
        <source>WhatsApp asked to slow down (too many messages)</source>
        <translation>WhatsApp pidió ir más despacio (demasiados mensajes)</translation>
    </message>
    <message>
        <source>WhatsApp limited sending</source>
        <translation>WhatsApp limitó el envío</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Type the phone number.</source>
        <translation>Escribe el número de teléfono.</translation>
    </message>
    <message>
        <source>Use only digits, spaces and dashes, with an optional + in front.</source>
        <translation>Usa solo dígitos, espacios y guiones, con un + opcional al principio.</translation>
    </message>
    <message>
        <source>This looks like a number without its country: choose the country, or start with + and the country code.</source>
        <translation>Parece un número sin su país: elige el país o empieza con + y el código del país.</translation>
    </message>
    <message>
        <source>A number after the + never starts with 0. Leave out the 0, or choose the country.</source>
        <translation>Después del +, un número nunca empieza por 0. Quita el 0 o elige el país.</translation>
    </message>
    <message>
        <source>No country calling code starts like +%1. Check the first digits.</source>
        <translation>Ningún código de país empieza por +%1. Revisa los primeros dígitos.</translation>
    </message>
    <message numerus="yes">
        <source>This number is too short: %n digits with the country code.</source>
        <translation>
            <numerusform>Este número es demasiado corto: %n dígito con el código del país.</numerusform>
            <numerusform>Este número es demasiado corto: %n dígitos con el código del país.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This number is too long: %n digits with the country code; at most 15.</source>
        <translation>
            <numerusform>Este número es demasiado largo: %n dígito con el código del país; como máximo 15.</numerusform>
            <numerusform>Este número es demasiado largo: %n dígitos con el código del país; como máximo 15.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1</source>
        <translation>Los números de %1</translation>
    </message>
    <message>
        <source>Numbers starting +%1</source>
        <translation>Los números que empiezan por +%1</translation>
    </message>
    <message>
        <source>%1 have %2 digits after +%3; this one has %4.</source>
        <translation>%1 tienen %2 dígitos después de +%3; este tiene %4.</translation>
    </message>
    <message>
        <source>%1 have %2 to %3 digits after +%4; this one has %5.</source>
        <translation>%1 tienen de %2 a %3 dígitos después de +%4; este tiene %5.</translation>
    </message>
</context>
<context>
    <name>ProblemAdvice</name>
    <message>
        <source>Link a number…</source>
        <translation>Vincular un número…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Another connection took over this number.</source>
        <translation>Otra conexión tomó el control de este número.</translation>
    </message>
    <message>
        <source>Make sure only one gateway uses this number, then try again.</source>
        <translation>Asegúrate de que solo un gateway use este número y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>WhatsApp has banned this number for a while.</source>
        <translation>WhatsApp bloqueó este número durante un tiempo.</translation>
    </message>
    <message>
        <source>Wait until the ban ends (see the details), then try again.</source>
        <translation>Espera a que termine el bloqueo (mira los detalles) y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>WhatsApp has banned or logged out this number.</source>
        <translation>WhatsApp bloqueó o desconectó este número.</translation>
    </message>
    <message>
        <source>Check WhatsApp on the phone. If the number still works there, link it again.</source>
        <translation>Revisa WhatsApp en el teléfono. Si el número sigue funcionando allí, vincúlalo otra vez.</translation>
    </message>
    <message>
        <source>WhatsApp refused this version of Wagate as too old.</source>
        <translation>WhatsApp rechazó esta versión de Wagate por ser demasiado antigua.</translation>
    </message>
    <message>
        <source>Ask your administrator to set the current WhatsApp Web version (--wa-version) or update Wagate, then try again.</source>
        <translation>Pide a tu administrador que configure la versión actual de WhatsApp Web (--wa-version) o que actualice Wagate, y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The server did not prove that it is WhatsApp.</source>
        <translation>El servidor no demostró que sea WhatsApp.</translation>
    </message>
    <message>
        <source>A proxy or firewall may be in the way. Check the network, then try again.</source>
        <translation>Puede que un proxy o un cortafuegos se interponga. Revisa la red y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Wagate could not reach WhatsApp, even after several tries.</source>
        <translation>Wagate no pudo llegar a WhatsApp, ni siquiera tras varios intentos.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s internet connection, then try again.</source>
        <translation>Revisa la conexión a internet de este equipo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Wagate gave up connecting this number.</source>
        <translation>Wagate dejó de intentar conectar este número.</translation>
    </message>
    <message>
        <source>Try again. If it keeps failing, send the details below to your administrator.</source>
        <translation>Vuelve a intentarlo. Si sigue fallando, envía los detalles de abajo a tu administrador.</translation>
    </message>
    <message>
        <source>The phone unlinked this device.</source>
        <translation>El teléfono desvinculó este dispositivo.</translation>
    </message>
    <message>
        <source>Link the number again.</source>
        <translation>Vuelve a vincular el número.</translation>
    </message>
    <message>
        <source>This number was logged out from Wagate.</source>
        <translation>Este número se desvinculó desde Wagate.</translation>
    </message>
    <message>
        <source>Link the number again to use it.</source>
        <translation>Vuelve a vincular el número para usarlo.</translation>
    </message>
    <message>
        <source>WhatsApp logged this device out.</source>
        <translation>WhatsApp desconectó este dispositivo.</translation>
    </message>
    <message>
        <source>No WhatsApp number is linked to this session yet.</source>
        <translation>Todavía no hay ningún número de WhatsApp vinculado a esta sesión.</translation>
    </message>
    <message>
        <source>Link a number with a QR code or a pairing code.</source>
        <translation>Vincula un número con un código QR o un código de vinculación.</translation>
    </message>
    <message>
        <source>The QR codes ran out before the phone scanned one.</source>
        <translation>Los códigos QR caducaron antes de que el teléfono escaneara uno.</translation>
    </message>
    <message>
        <source>Link the number again and scan the code with the phone right away.</source>
        <translation>Vuelve a vincular el número y escanea el código con el teléfono enseguida.</translation>
    </message>
    <message>
        <source>The pairing code ran out before it was typed on the phone.</source>
        <translation>El código de vinculación caducó antes de escribirse en el teléfono.</translation>
    </message>
    <message>
        <source>Link the number again and type the new code on the phone right away.</source>
        <translation>Vuelve a vincular el número y escribe el código nuevo en el teléfono enseguida.</translation>
    </message>
    <message>
        <source>The phone did not accept the pairing code.</source>
        <translation>El teléfono no aceptó el código de vinculación.</translation>
    </message>
    <message>
        <source>Check the phone number, then link again.</source>
        <translation>Revisa el número de teléfono y vuelve a vincular.</translation>
    </message>
    <message>
        <source>This WhatsApp account cannot link other devices.</source>
        <translation>Esta cuenta de WhatsApp no puede vincular otros dispositivos.</translation>
    </message>
    <message>
        <source>Update WhatsApp on the phone, then link again.</source>
        <translation>Actualiza WhatsApp en el teléfono y vuelve a vincular.</translation>
    </message>
    <message>
        <source>Linking did not finish.</source>
        <translation>La vinculación no terminó.</translation>
    </message>
    <message>
        <source>The connection dropped. Wagate is reconnecting by itself.</source>
        <translation>Se cayó la conexión. Wagate se está reconectando por sí solo.</translation>
    </message>
    <message>
        <source>Nothing to do now. If this lasts for minutes, check the internet connection.</source>
        <translation>No hace falta hacer nada. Si dura varios minutos, revisa la conexión a internet.</translation>
    </message>
    <message>
        <source>This number is linked but not connected.</source>
        <translation>Este número está vinculado, pero no conectado.</translation>
    </message>
    <message>
        <source>Start it to send and receive messages.</source>
        <translation>Inícialo para enviar y recibir mensajes.</translation>
    </message>
    <message>
        <source>Wagate could not record this number&apos;s state, so it disconnected it.</source>
        <translation>Wagate no pudo registrar el estado de este número, así que lo desconectó.</translation>
    </message>
    <message>
        <source>Wagate could not keep this number&apos;s new keys safe, so it disconnected it.</source>
        <translation>Wagate no pudo guardar de forma segura las nuevas claves de este número, así que lo desconectó.</translation>
    </message>
    <message>
        <source>Ask your administrator to check the gateway&apos;s storage, then try again.</source>
        <translation>Pida a su administrador que revise el almacenamiento del gateway y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Nothing to do: Wagate connects it again by itself when the ban ends (see the details).</source>
        <translation>No hay nada que hacer: Wagate lo vuelve a conectar por sí solo cuando termine el bloqueo (vea los detalles).</translation>
    </message>
</context>
<context>
    <name>SessionStatusLook</name>
    <message>
        <source>Not linked</source>
        <translation>Sin vincular</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Scan the QR code</source>
        <translation>Escanea el código QR</translation>
    </message>
    <message>
        <source>Enter the code on the phone</source>
        <translation>Escribe el código en el teléfono</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Funcionando</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Desvinculada</translation>
    </message>
    <message>
        <source>No WhatsApp number is linked yet. Use “Link a number”.</source>
        <translation>Todavía no hay ningún número de WhatsApp vinculado. Usa “Vincular un número”.</translation>
    </message>
    <message>
        <source>A number is linked but not connected. Press Start to connect it.</source>
        <translation>Hay un número vinculado, pero no conectado. Pulsa Iniciar para conectarlo.</translation>
    </message>
    <message>
        <source>Connecting to WhatsApp.</source>
        <translation>Conectando con WhatsApp.</translation>
    </message>
    <message>
        <source>Waiting for the phone to scan the QR code.</source>
        <translation>Esperando a que el teléfono escanee el código QR.</translation>
    </message>
    <message>
        <source>Waiting for the code to be typed on the phone.</source>
        <translation>Esperando a que se escriba el código en el teléfono.</translation>
    </message>
    <message>
        <source>Connected: messages can be sent and received.</source>
        <translation>Conectada: se pueden enviar y recibir mensajes.</translation>
    </message>
    <message>
        <source>The connection dropped; trying again by itself.</source>
        <translation>Se cayó la conexión; lo está intentando de nuevo por sí sola.</translation>
    </message>
    <message>
        <source>Gave up connecting. The details say why; Start tries again.</source>
        <translation>Dejó de intentar conectarse. Los detalles dicen por qué; Iniciar lo vuelve a intentar.</translation>
    </message>
    <message>
        <source>The phone unlinked this device. Link the number again.</source>
        <translation>El teléfono desvinculó este dispositivo. Vuelve a vincular el número.</translation>
    </message>
</context>
<context>
    <name>TimeText</name>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>justo ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>ayer %1</translation>
    </message>
</context>
<context>
    <name>wagate::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
</context>
<context>
    <name>wagate::ConsoleController</name>
    <message>
        <source>Wagate</source>
        <translation>Wagate</translation>
    </message>
    <message>
        <source>Another Wagate is already using %1.</source>
        <translation>Otro Wagate ya está usando %1.</translation>
    </message>
    <message>
        <source>Switch to the window that is already open, or start this one with another --data-dir.</source>
        <translation>Cambia a la ventana que ya está abierta o inicia esta con otro --data-dir.</translation>
    </message>
    <message>
        <source>The gateway engine stopped: %1</source>
        <translation>El motor del gateway se detuvo: %1</translation>
    </message>
    <message>
        <source>Sessions are not served until Wagate is restarted.</source>
        <translation>Las sesiones no se atienden hasta que se reinicie Wagate.</translation>
    </message>
    <message>
        <source>You were signed out: %1</source>
        <translation>Se cerró su sesión: %1</translation>
    </message>
</context>
<context>
    <name>wagate::LinkNumberDialog</name>
    <message>
        <source>Link a number to “%1”</source>
        <translation>Vincular un número a “%1”</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Código QR</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de teléfono</translation>
    </message>
    <message>
        <source>This session was deleted.</source>
        <translation>Esta sesión se eliminó.</translation>
    </message>
    <message>
        <source>&lt;p&gt;On the phone:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Go to &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Point the phone at this code&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;En el teléfono:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Abre &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Ve a &lt;b&gt;Ajustes → Dispositivos vinculados&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Toca &lt;b&gt;Vincular un dispositivo&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Apunta el teléfono a este código&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>WhatsApp shows a code; you type it on the phone that has the number. Type the number as you know it: with + and the country code, or as dialled in its country.</source>
        <translation>WhatsApp muestra un código que escribes en el teléfono que tiene el número. Escribe el número como lo conoces: con + y el código del país, o como se marca en su país.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;País:</translation>
    </message>
    <message>
        <source>&amp;Phone number:</source>
        <translation>Número de &amp;teléfono:</translation>
    </message>
    <message>
        <source>Get a pairing code</source>
        <translation>Obtener código de vinculación</translation>
    </message>
    <message>
        <source>&lt;p&gt;On the phone with this number:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;, then &lt;b&gt;Link with phone number instead&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Type the code above&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;En el teléfono con este número:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Abre &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Ajustes → Dispositivos vinculados&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Toca &lt;b&gt;Vincular un dispositivo&lt;/b&gt; y luego &lt;b&gt;Vincular con el número de teléfono&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Escribe el código de arriba&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Use another number</source>
        <translation>Usar otro número</translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation>Obtener un código nuevo</translation>
    </message>
    <message>
        <source>The code goes to the phone with this number.</source>
        <translation>El código es para el teléfono con este número.</translation>
    </message>
    <message>
        <source>Linking is not possible right now: %1</source>
        <translation>No se puede vincular ahora: %1</translation>
    </message>
    <message>
        <source>Someone asked for a pairing code for this session; it is waiting to be typed on the phone. Stop the session to start over with a QR code.</source>
        <translation>Alguien pidió un código de vinculación para esta sesión y está esperando a que se escriba en el teléfono. Detén la sesión para empezar de nuevo con un código QR.</translation>
    </message>
    <message>
        <source>This session already has a number. Log it out first to link another.</source>
        <translation>Esta sesión ya tiene un número. Desvincúlalo primero para vincular otro.</translation>
    </message>
    <message>
        <source>This QR code cannot be shown (it is too long).</source>
        <translation>Este código QR no se puede mostrar (es demasiado largo).</translation>
    </message>
    <message>
        <source>Pairing code %1</source>
        <translation>Código de vinculación %1</translation>
    </message>
    <message>
        <source>Linking was stopped.</source>
        <translation>Se detuvo la vinculación.</translation>
    </message>
    <message>
        <source>Linked %1</source>
        <translation>%1 vinculado</translation>
    </message>
    <message>
        <source>Connecting to WhatsApp…</source>
        <translation>Conectando con WhatsApp…</translation>
    </message>
    <message>
        <source>Scanned — finishing on the phone…</source>
        <translation>Escaneado — terminando en el teléfono…</translation>
    </message>
    <message>
        <source>The codes ran out before the phone scanned one.</source>
        <translation>Los códigos caducaron antes de que el teléfono escaneara uno.</translation>
    </message>
    <message>
        <source>You are linking with a phone number (see the other tab).</source>
        <translation>Estás vinculando con un número de teléfono (mira la otra pestaña).</translation>
    </message>
    <message>
        <source>No QR code is shown.</source>
        <translation>No se muestra ningún código QR.</translation>
    </message>
    <message>
        <source>Show a QR code instead</source>
        <translation>Mostrar un código QR</translation>
    </message>
    <message>
        <source>Asking WhatsApp for a code for %1…</source>
        <translation>Pidiendo a WhatsApp un código para %1…</translation>
    </message>
    <message>
        <source>Code accepted — finishing on the phone…</source>
        <translation>Código aceptado — terminando en el teléfono…</translation>
    </message>
    <message>
        <source>The code ran out before it was typed on the phone.</source>
        <translation>El código caducó antes de escribirse en el teléfono.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>This code changes in %n s</source>
        <translation>
            <numerusform>Este código cambia en %n s</numerusform>
            <numerusform>Este código cambia en %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This code expires in %n s</source>
        <translation>
            <numerusform>Este código caduca en %n s</numerusform>
            <numerusform>Este código caduca en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the next code…</source>
        <translation>Esperando el siguiente código…</translation>
    </message>
    <message>
        <source>Waiting for WhatsApp…</source>
        <translation>Esperando a WhatsApp…</translation>
    </message>
</context>
<context>
    <name>wagate::MainWindow</name>
    <message>
        <source>The sessions could not be listed: %1</source>
        <translation>No se pudieron listar las sesiones: %1</translation>
    </message>
    <message>
        <source>engine stopped</source>
        <translation>motor detenido</translation>
    </message>
    <message>
        <source>The gateway engine stopped: %1 Restart Wagate to continue.</source>
        <translation>El motor del gateway se detuvo: %1 Reinicia Wagate para continuar.</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>engine OK</source>
        <translation>motor OK</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Link a number</source>
        <translation>Vincular número</translation>
    </message>
    <message>
        <source>Log out the number…</source>
        <translation>Desvincular el número…</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Editar ajustes…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Copy phone number</source>
        <translation>Copiar número de teléfono</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copiado: %1</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Copiar ID de la sesión</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Salir de la cuenta</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrar:</translation>
    </message>
    <message>
        <source>Search label or phone</source>
        <translation>Buscar nombre o teléfono</translation>
    </message>
    <message>
        <source>Type part of a label or of a phone number, in any formatting (%1)</source>
        <translation>Escribe parte de un nombre o de un número de teléfono, con cualquier formato (%1)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de estado</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Requiere atención</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Última conexión</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ayer</translation>
    </message>
    <message>
        <source>API not running</source>
        <translation>API detenida</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the API address for scripts</source>
        <translation>Copiar la dirección de la API para scripts</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesión</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Cargando sesiones…</translation>
    </message>
    <message>
        <source>No sessions yet.
Press “New session” to add a WhatsApp number.</source>
        <translation>Todavía no hay sesiones.
Pulsa “Nueva sesión” para añadir un número de WhatsApp.</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Todavía no hay sesiones.</translation>
    </message>
    <message>
        <source>No session matches the filter.</source>
        <translation>Ninguna sesión coincide con el filtro.</translation>
    </message>
    <message>
        <source>Wagate</source>
        <translation>Wagate</translation>
    </message>
    <message>
        <source>Wagate — %1</source>
        <translation>Wagate — %1</translation>
    </message>
    <message>
        <source>Wagate — %1 (operator: %2)</source>
        <translation>Wagate — %1 (operador: %2)</translation>
    </message>
    <message>
        <source>The gateway engine is not running.</source>
        <translation>El motor del gateway no está en marcha.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Selecciona una sesión primero.</translation>
    </message>
    <message>
        <source>Add a session for a WhatsApp number (%1)</source>
        <translation>Añadir una sesión para un número de WhatsApp (%1)</translation>
    </message>
    <message>
        <source>Connect “%1” to WhatsApp</source>
        <translation>Conectar “%1” con WhatsApp</translation>
    </message>
    <message>
        <source>“%1” has no number yet: link one first.</source>
        <translation>“%1” todavía no tiene número: vincula uno primero.</translation>
    </message>
    <message>
        <source>“%1” is already started.</source>
        <translation>“%1” ya está iniciada.</translation>
    </message>
    <message>
        <source>Disconnect “%1”; it stays linked</source>
        <translation>Desconectar “%1”; el número sigue vinculado</translation>
    </message>
    <message>
        <source>“%1” is not running.</source>
        <translation>“%1” no está en marcha.</translation>
    </message>
    <message>
        <source>Link a WhatsApp number to “%1” by QR code or pairing code</source>
        <translation>Vincular un número de WhatsApp a “%1” con código QR o código de vinculación</translation>
    </message>
    <message>
        <source>“%1” already has a number. Log it out first to link another.</source>
        <translation>“%1” ya tiene un número. Desvincúlalo primero para vincular otro.</translation>
    </message>
    <message>
        <source>Unlink the number from “%1”</source>
        <translation>Desvincular el número de “%1”</translation>
    </message>
    <message>
        <source>“%1” has no number to log out.</source>
        <translation>“%1” no tiene ningún número que desvincular.</translation>
    </message>
    <message>
        <source>Change the label and sending pace of “%1”</source>
        <translation>Cambiar el nombre y el ritmo de envío de “%1”</translation>
    </message>
    <message>
        <source>Delete “%1” (Del)</source>
        <translation>Eliminar “%1” (Supr)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln fallida</numerusform>
            <numerusform>%Ln fallidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln logged out</source>
        <translation>
            <numerusform>%Ln desvinculada</numerusform>
            <numerusform>%Ln desvinculadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln reconnecting</source>
        <translation>
            <numerusform>%Ln reconectando</numerusform>
            <numerusform>%Ln reconectando</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln working</source>
        <translation>
            <numerusform>%Ln funcionando</numerusform>
            <numerusform>%Ln funcionando</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln starting</source>
        <translation>
            <numerusform>%Ln iniciando</numerusform>
            <numerusform>%Ln iniciando</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting for a phone</source>
        <translation>
            <numerusform>%Ln esperando el teléfono</numerusform>
            <numerusform>%Ln esperando el teléfono</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stopped</source>
        <translation>
            <numerusform>%Ln detenida</numerusform>
            <numerusform>%Ln detenidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not linked</source>
        <translation>
            <numerusform>%Ln sin vincular</numerusform>
            <numerusform>%Ln sin vincular</numerusform>
        </translation>
    </message>
    <message>
        <source>no sessions</source>
        <translation>ninguna sesión</translation>
    </message>
    <message>
        <source>Created “%1”. Link a number to it next.</source>
        <translation>Sesión “%1” creada. Ahora vincúlale un número.</translation>
    </message>
    <message>
        <source>Linked %1 to “%2”</source>
        <translation>%1 vinculado a “%2”</translation>
    </message>
    <message>
        <source>Could not start “%1”.</source>
        <translation>No se pudo iniciar “%1”.</translation>
    </message>
    <message>
        <source>Could not stop “%1”.</source>
        <translation>No se pudo detener “%1”.</translation>
    </message>
    <message>
        <source>Log out the number</source>
        <translation>Desvincular el número</translation>
    </message>
    <message>
        <source>Log out %1 from “%2”?</source>
        <translation>¿Desvincular %1 de “%2”?</translation>
    </message>
    <message>
        <source>The phone will no longer list this computer as a linked device. To use the number here again, link it again.</source>
        <translation>El teléfono dejará de mostrar este equipo como dispositivo vinculado. Para volver a usar el número aquí, vincúlalo otra vez.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Desvincular</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Could not log out “%1”.</source>
        <translation>No se pudo desvincular “%1”.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Eliminar sesión</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>¿Eliminar “%1”?</translation>
    </message>
    <message>
        <source>%1 is unlinked from this computer and the session&apos;s history is removed. This cannot be undone.</source>
        <translation>%1 se desvinculará de este equipo y se borrará el historial de la sesión. No se puede deshacer.</translation>
    </message>
    <message>
        <source>The session and its history are removed. This cannot be undone.</source>
        <translation>Se borrarán la sesión y su historial. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Could not delete “%1”.</source>
        <translation>No se pudo eliminar “%1”.</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Sesión “%1” eliminada</translation>
    </message>
    <message>
        <source>Send a message…</source>
        <translation>Enviar un mensaje…</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Enviar mensaje</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>Cancelar mensaje</translation>
    </message>
    <message>
        <source>Webhooks…</source>
        <translation>Webhooks…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Mensajes</translation>
    </message>
    <message>
        <source>Send the organization&apos;s events to your own systems</source>
        <translation>Envía los eventos de la organización a tus propios sistemas</translation>
    </message>
    <message>
        <source>Send a WhatsApp message from “%1”</source>
        <translation>Enviar un mensaje de WhatsApp desde “%1”</translation>
    </message>
    <message>
        <source>Select a queued message in the list first.</source>
        <translation>Primero selecciona en la lista un mensaje en cola.</translation>
    </message>
    <message>
        <source>Keep this message from being sent</source>
        <translation>Evitar que se envíe este mensaje</translation>
    </message>
    <message>
        <source>Only a message still waiting in the outbox can be canceled.</source>
        <translation>Solo se puede cancelar un mensaje que todavía espera en la bandeja de salida.</translation>
    </message>
    <message>
        <source>The message was not canceled. %1</source>
        <translation>El mensaje no se canceló. %1</translation>
    </message>
    <message>
        <source>Canceled the message to %1</source>
        <translation>Mensaje para %1 cancelado</translation>
    </message>
</context>
<context>
    <name>wagate::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Descartar este mensaje</translation>
    </message>
</context>
<context>
    <name>wagate::MessageListModel</name>
    <message>
        <source>(a kind of message the console does not show)</source>
        <translation>(un tipo de mensaje que la consola no muestra)</translation>
    </message>
    <message>
        <source>(a message that could not be opened)</source>
        <translation>(un mensaje que no se pudo abrir)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
</context>
<context>
    <name>wagate::MessagesView</name>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>From +62 812-3456-78901</source>
        <translation>De +62 812-3456-78901</translation>
    </message>
    <message>
        <source>55 min ago</source>
        <translation>hace 55 min</translation>
    </message>
    <message>
        <source>Select a session to see its messages.</source>
        <translation>Selecciona una sesión para ver sus mensajes.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Cargando mensajes…</translation>
    </message>
    <message>
        <source>The messages could not be listed.</source>
        <translation>No se pudieron listar los mensajes.</translation>
    </message>
    <message>
        <source>No messages yet. Messages this number sends and receives appear here as they happen.</source>
        <translation>Todavía no hay mensajes. Los mensajes que este número envía y recibe aparecen aquí en el momento.</translation>
    </message>
</context>
<context>
    <name>wagate::OutboxTracker</name>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln a minute</source>
        <translation>
            <numerusform>%Ln por minuto</numerusform>
            <numerusform>%Ln por minuto</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln an hour</source>
        <translation>
            <numerusform>%Ln por hora</numerusform>
            <numerusform>%Ln por hora</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln waiting</source>
        <translation>
            <numerusform>%Ln en espera</numerusform>
            <numerusform>%Ln en espera</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Nada en espera</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sending to new chats paused until %1 — %2</source>
        <translation>Envío a chats nuevos en pausa hasta las %1 — %2</translation>
    </message>
    <message>
        <source>Sending paused until %1 — %2</source>
        <translation>Envío en pausa hasta las %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln enviado</numerusform>
            <numerusform>%Ln enviados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivered</source>
        <translation>
            <numerusform>%Ln entregado</numerusform>
            <numerusform>%Ln entregados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read</source>
        <translation>
            <numerusform>%Ln leído</numerusform>
            <numerusform>%Ln leídos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln falló</numerusform>
            <numerusform>%Ln fallaron</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln recibido</numerusform>
            <numerusform>%Ln recibidos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::PhoneNumberInput</name>
    <message>
        <source>Other (type + and the country code)</source>
        <translation>Otro (escribe + y el código del país)</translation>
    </message>
    <message>
        <source>e.g. +62 812-3456-7890 or 0812-3456-7890</source>
        <translation>p. ej., +52 55 1234 5678 o 55 1234 5678</translation>
    </message>
    <message>
        <source>Will use %1 (sent as %2)</source>
        <translation>Se usará %1 (se envía como %2)</translation>
    </message>
</context>
<context>
    <name>wagate::QrCodeWidget</name>
    <message>
        <source>QR code to scan with the phone</source>
        <translation>Código QR para escanear con el teléfono</translation>
    </message>
</context>
<context>
    <name>wagate::SendMessageDialog</name>
    <message>
        <source>Send a message from “%1”</source>
        <translation>Enviar un mensaje desde “%1”</translation>
    </message>
    <message>
        <source>The message leaves at the session&apos;s sending pace.</source>
        <translation>El mensaje sale al ritmo de envío de la sesión.</translation>
    </message>
    <message>
        <source>From %1. The message leaves at the session&apos;s sending pace.</source>
        <translation>Desde %1. El mensaje sale al ritmo de envío de la sesión.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;País:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Pa&amp;ra:</translation>
    </message>
    <message>
        <source>The text of the message</source>
        <translation>El texto del mensaje</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensaje:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>A number with WhatsApp, as you would dial it.</source>
        <translation>Un número con WhatsApp, como lo marcarías.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caracteres</translation>
    </message>
    <message>
        <source>Send another</source>
        <translation>Enviar otro</translation>
    </message>
    <message>
        <source>Type the number first.</source>
        <translation>Escribe primero el número.</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters.</source>
        <translation>El mensaje tiene más de %1 caracteres.</translation>
    </message>
    <message>
        <source>Type the message first.</source>
        <translation>Escribe primero el mensaje.</translation>
    </message>
    <message>
        <source>Not sent. %1</source>
        <translation>No se envió. %1</translation>
    </message>
</context>
<context>
    <name>wagate::SessionDetailsPane</name>
    <message>
        <source>Select a session to see its status, its number and what happened to it.</source>
        <translation>Selecciona una sesión para ver su estado, su número y lo que le ha pasado.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copiado: %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>The id scripts use in the HTTP API</source>
        <translation>El ID que usan los scripts en la API HTTP</translation>
    </message>
    <message>
        <source>Sending pace:</source>
        <translation>Ritmo de envío:</translation>
    </message>
    <message>
        <source>Mark messages read:</source>
        <translation>Marcar como leídos:</translation>
    </message>
    <message>
        <source>Show “typing…”:</source>
        <translation>Mostrar “escribiendo…”:</translation>
    </message>
    <message>
        <source>Session id:</source>
        <translation>ID de la sesión:</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Editar ajustes…</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 desde %2</translation>
    </message>
    <message>
        <source>No number linked yet</source>
        <translation>Todavía no hay número vinculado</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalles: %1</translation>
    </message>
    <message>
        <source>%L1/min · %L2/h</source>
        <translation>%L1/min · %L2/h</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Messages waiting to leave, and the sending pace of this number</source>
        <translation>Mensajes que esperan para salir y el ritmo de envío de este número</translation>
    </message>
    <message>
        <source>Nothing is lost: waiting messages stay queued and sending resumes by itself.</source>
        <translation>No se pierde nada: los mensajes siguen en cola y el envío se reanuda solo.</translation>
    </message>
    <message>
        <source>Messages of today. Sent counts every message that left, also those delivered and read since.</source>
        <translation>Mensajes de hoy. Enviados cuenta todo mensaje que salió, también los entregados y leídos después.</translation>
    </message>
    <message>
        <source>Looking at the outbox…</source>
        <translation>Consultando la bandeja de salida…</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Hoy: %1</translation>
    </message>
</context>
<context>
    <name>wagate::SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Nueva sesión</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Settings of “%1”</source>
        <translation>Ajustes de “%1”</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>e.g. Support line</source>
        <translation>p. ej., Atención al cliente</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <source>From %L1 to %L2</source>
        <translation>De %L1 a %L2</translation>
    </message>
    <message>
        <source> per hour</source>
        <translation> por hora</translation>
    </message>
    <message>
        <source>Send at most:</source>
        <translation>Enviar como máximo:</translation>
    </message>
    <message>
        <source>Mark incoming messages as &amp;read</source>
        <translation>Marcar los mensajes recibidos como &amp;leídos</translation>
    </message>
    <message>
        <source>Show “&amp;typing…” before each message</source>
        <translation>Mostrar “&amp;escribiendo…” antes de cada mensaje</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Give the session a name people recognise, e.g. “Support line”.</source>
        <translation>Ponle a la sesión un nombre fácil de reconocer, por ejemplo “Atención al cliente”.</translation>
    </message>
    <message>
        <source>The name cannot contain control characters.</source>
        <translation>El nombre no puede contener caracteres de control.</translation>
    </message>
    <message numerus="yes">
        <source>The hourly limit is lower than the per-minute one, so at most %Ln messages go out in any hour.</source>
        <translation>
            <numerusform>El límite por hora es menor que el límite por minuto, así que sale como máximo %Ln mensaje por hora.</numerusform>
            <numerusform>El límite por hora es menor que el límite por minuto, así que salen como máximo %Ln mensajes por hora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::SessionListModel</name>
    <message>
        <source>No number linked yet</source>
        <translation>Todavía no hay número vinculado</translation>
    </message>
    <message>
        <source>Copied as %1</source>
        <translation>Se copia como %1</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>sin número</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Nunca conectada</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Última conexión</translation>
    </message>
</context>
<context>
    <name>wagate::SessionTimelineModel</name>
    <message>
        <source>started</source>
        <translation>iniciada</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>desvinculada</translation>
    </message>
    <message>
        <source>linking by QR code</source>
        <translation>vinculando con código QR</translation>
    </message>
    <message>
        <source>linking by pairing code</source>
        <translation>vinculando con código de vinculación</translation>
    </message>
    <message>
        <source>QR code shown</source>
        <translation>código QR mostrado</translation>
    </message>
    <message>
        <source>pairing code shown</source>
        <translation>código de vinculación mostrado</translation>
    </message>
    <message>
        <source>the codes ran out</source>
        <translation>los códigos caducaron</translation>
    </message>
    <message>
        <source>linking interrupted</source>
        <translation>vinculación interrumpida</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectada</translation>
    </message>
    <message>
        <source>reconnected</source>
        <translation>reconectada</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>conexión perdida</translation>
    </message>
    <message>
        <source>gave up reconnecting</source>
        <translation>dejó de reconectar</translation>
    </message>
    <message>
        <source>WhatsApp refused the connection</source>
        <translation>WhatsApp rechazó la conexión</translation>
    </message>
    <message>
        <source>unlinked from the phone</source>
        <translation>desvinculada desde el teléfono</translation>
    </message>
    <message>
        <source>gateway restarted</source>
        <translation>gateway reiniciado</translation>
    </message>
    <message>
        <source>linked (%1)</source>
        <translation>vinculada (%1)</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>%1  %2 — %3</source>
        <translation>%1  %2 — %3</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
</context>
<context>
    <name>wagate::SignInDialog</name>
    <message>
        <source>operator account %1</source>
        <translation>cuenta de operador %1</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>login token</source>
        <translation>token de acceso</translation>
    </message>
    <message>
        <source>Sign in — Wagate</source>
        <translation>Iniciar sesión — Wagate</translation>
    </message>
    <message>
        <source>Sign in to Wagate</source>
        <translation>Inicia sesión en Wagate</translation>
    </message>
    <message>
        <source>Back to profiles</source>
        <translation>Volver a los perfiles</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Saved profiles:</source>
        <translation>Perfiles guardados:</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Perfiles guardados</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Añadir perfil…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Sign in without saving…</source>
        <translation>Iniciar sesión sin guardar…</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Quitar perfil</translation>
    </message>
    <message>
        <source>Forget “%1” on this computer? Its secret is deleted from the system keychain.</source>
        <translation>¿Olvidar “%1” en este equipo? Su secreto se borrará del llavero del sistema.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Operator account</source>
        <translation>Cuenta de &amp;operador</translation>
    </message>
    <message>
        <source>&amp;API key</source>
        <translation>Clave de &amp;API</translation>
    </message>
    <message>
        <source>Login &amp;token</source>
        <translation>&amp;Token de acceso</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Choose, or type its name or id</source>
        <translation>Elige o escribe su nombre o ID</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organización:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>wgk_…</source>
        <translation>wgk_…</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clave de API:</translation>
    </message>
    <message>
        <source>Your administrator creates keys with “wagate keys create”.</source>
        <translation>Tu administrador crea las claves con “wagate keys create”.</translation>
    </message>
    <message>
        <source>Paste the login token from your company&apos;s sign-in page</source>
        <translation>Pega el token de acceso de la página de inicio de sesión de tu empresa</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Recordar en el llavero del sistema</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nombre del perfil:</translation>
    </message>
    <message>
        <source>The system keychain is not available, so sign-ins cannot be remembered on this computer. Nothing is saved; you can still sign in each time.</source>
        <translation>El llavero del sistema no está disponible, así que los accesos no se pueden recordar en este equipo. No se guarda nada; puedes seguir iniciando sesión cada vez.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalles: %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <source>Type the organization&apos;s id</source>
        <translation>Escribe el ID de la organización</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None yet: wagate orgs create NAME</source>
        <translation>Ninguna todavía: wagate orgs create NOMBRE</translation>
    </message>
    <message>
        <source>%1 — this computer</source>
        <translation>%1 — este equipo</translation>
    </message>
    <message>
        <source>API key — this computer</source>
        <translation>Clave de API — este equipo</translation>
    </message>
    <message>
        <source>Login token — this computer</source>
        <translation>Token de acceso — este equipo</translation>
    </message>
    <message>
        <source>The secret goes to the system keychain; only the profile&apos;s name is kept in a file.</source>
        <translation>El secreto va al llavero del sistema; solo el nombre del perfil se guarda en un archivo.</translation>
    </message>
    <message>
        <source>Starting the gateway…</source>
        <translation>Iniciando el gateway…</translation>
    </message>
    <message>
        <source>The gateway engine could not start: %1</source>
        <translation>El motor del gateway no pudo arrancar: %1</translation>
    </message>
    <message>
        <source>These credentials were not accepted. Check them and try again.</source>
        <translation>Estas credenciales no se aceptaron. Revísalas y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Iniciando sesión…</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>Clave de API %1</translation>
    </message>
    <message>
        <source>key “%1”</source>
        <translation>clave “%1”</translation>
    </message>
    <message>
        <source>Saving the profile in the system keychain…</source>
        <translation>Guardando el perfil en el llavero del sistema…</translation>
    </message>
    <message>
        <source>Signed in, but this sign-in could not be remembered: %1</source>
        <translation>Has iniciado sesión, pero este acceso no se pudo recordar: %1</translation>
    </message>
</context>
<context>
    <name>wagate::WebhookEditDialog</name>
    <message>
        <source>Messages received</source>
        <translation>Mensajes recibidos</translation>
    </message>
    <message>
        <source>Status changes of sent messages</source>
        <translation>Cambios de estado de los mensajes enviados</translation>
    </message>
    <message>
        <source>Session status changes</source>
        <translation>Cambios de estado de las sesiones</translation>
    </message>
    <message>
        <source>Sending paused or resumed</source>
        <translation>Envío en pausa o reanudado</translation>
    </message>
    <message>
        <source>Test event</source>
        <translation>Evento de prueba</translation>
    </message>
    <message>
        <source>Edit webhook</source>
        <translation>Editar webhook</translation>
    </message>
    <message>
        <source>Add a webhook</source>
        <translation>Añadir un webhook</translation>
    </message>
    <message>
        <source>Wagate posts each event to this address, signed with the webhook&apos;s secret, and tries again for a day until the receiver answers with 2xx.</source>
        <translation>Wagate envía cada evento a esta dirección, firmado con el secreto del webhook, y lo reintenta durante un día hasta que el receptor responda con 2xx.</translation>
    </message>
    <message>
        <source>https://example.com/wagate-events</source>
        <translation>https://example.com/wagate-events</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Eventos:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type an http:// or https:// address.</source>
        <translation>Escribe una dirección http:// o https://.</translation>
    </message>
    <message>
        <source>Choose at least one event.</source>
        <translation>Elige al menos un evento.</translation>
    </message>
    <message>
        <source>Deliver events to this &amp;webhook</source>
        <translation>Entregar eventos a este &amp;webhook</translation>
    </message>
    <message>
        <source>This webhook no longer exists; someone may have deleted it.</source>
        <translation>Este webhook ya no existe; puede que alguien lo haya eliminado.</translation>
    </message>
</context>
<context>
    <name>wagate::WebhooksDialog</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Webhooks send the organization&apos;s events to your own systems as they happen.</source>
        <translation>Los webhooks envían los eventos de la organización a tus propios sistemas en el momento.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Latest delivery</source>
        <translation>Última entrega</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>New secret…</source>
        <translation>Nuevo secreto…</translation>
    </message>
    <message>
        <source>A new signing secret; the old one stays valid for a day, so receivers can switch</source>
        <translation>Un nuevo secreto de firma; el anterior sigue valiendo un día, para que los receptores cambien</translation>
    </message>
    <message>
        <source>Send a test event</source>
        <translation>Enviar un evento de prueba</translation>
    </message>
    <message>
        <source>Recent deliveries</source>
        <translation>Entregas recientes</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Eliminar webhook</translation>
    </message>
    <message>
        <source>Delete the webhook for %1?</source>
        <translation>¿Eliminar el webhook de %1?</translation>
    </message>
    <message>
        <source>Its deliveries that are still waiting are dropped. This cannot be undone.</source>
        <translation>Sus entregas que aún esperan se descartan. No se puede deshacer.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The webhook was not deleted.</source>
        <translation>El webhook no se eliminó.</translation>
    </message>
    <message>
        <source>No new secret was made.</source>
        <translation>No se creó un secreto nuevo.</translation>
    </message>
    <message>
        <source>The test event was not queued.</source>
        <translation>El evento de prueba no se puso en cola.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Delivered (%1)</source>
        <translation>Entregado (%1)</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregado</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Esperando envío</translation>
    </message>
    <message>
        <source>The webhooks could not be listed.</source>
        <translation>No se pudieron listar los webhooks.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguna aún</translation>
    </message>
    <message>
        <source>Recent deliveries to %1</source>
        <translation>Entregas recientes a %1</translation>
    </message>
    <message>
        <source>The deliveries could not be listed.</source>
        <translation>No se pudieron listar las entregas.</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Secreto del webhook</translation>
    </message>
    <message>
        <source>Receivers verify each delivery with this secret. Copy it now: it is shown only this once.</source>
        <translation>Los receptores verifican cada entrega con este secreto. Cópialo ahora: solo se muestra esta vez.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln)</source>
        <translation>
            <numerusform>Falló (intentos: %Ln)</numerusform>
            <numerusform>Falló (intentos: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln) — %1</source>
        <translation>
            <numerusform>Falló (intentos: %Ln) — %1</numerusform>
            <numerusform>Falló (intentos: %Ln) — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln)</source>
        <translation>
            <numerusform>Nuevo intento a las %1 (intentos hasta ahora: %Ln)</numerusform>
            <numerusform>Nuevo intento a las %1 (intentos hasta ahora: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln, last: %2)</source>
        <translation>
            <numerusform>Nuevo intento a las %1 (intentos hasta ahora: %Ln, último: %2)</numerusform>
            <numerusform>Nuevo intento a las %1 (intentos hasta ahora: %Ln, último: %2)</numerusform>
        </translation>
    </message>
</context>
</TS>
