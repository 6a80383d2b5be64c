<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>ErrorText</name>
    <message>
        <source>Needs the “%1” permission, which your sign-in does not have.</source>
        <translation>Requer a permissão “%1”, que o seu acesso não tem.</translation>
    </message>
    <message>
        <source>Your sign-in does not allow this: it lacks the “%1” permission.</source>
        <translation>O seu acesso não permite isso: falta a permissão “%1”.</translation>
    </message>
    <message>
        <source>Your sign-in does not allow this.</source>
        <translation>O seu acesso não permite isso.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer accepted. Sign in again.</source>
        <translation>O seu acesso não é mais aceito. Entre novamente.</translation>
    </message>
    <message>
        <source>This session no longer exists; someone may have deleted it.</source>
        <translation>Esta sessão não existe mais; talvez alguém a tenha excluído.</translation>
    </message>
    <message>
        <source>The gateway cannot do this right now: %1</source>
        <translation>O gateway não pode fazer isso agora: %1</translation>
    </message>
    <message>
        <source>Something went wrong inside Wagate. The log has the details.</source>
        <translation>Algo deu errado dentro do Wagate. O log tem os detalhes.</translation>
    </message>
    <message>
        <source>Too many attempts. Wait a moment and try again.</source>
        <translation>Tentativas demais. Aguarde um pouco e tente de novo.</translation>
    </message>
</context>
<context>
    <name>MessageStatusLook</name>
    <message>
        <source>Queued</source>
        <translation>Na fila</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviada</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lida</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebida</translation>
    </message>
    <message>
        <source>Waiting in the outbox; it leaves at the session&apos;s sending pace.</source>
        <translation>Aguardando na caixa de saída; sai no ritmo de envio da sessão.</translation>
    </message>
    <message>
        <source>Handed to WhatsApp; waiting for WhatsApp to take it.</source>
        <translation>Entregue ao WhatsApp; aguardando o WhatsApp aceitar.</translation>
    </message>
    <message>
        <source>WhatsApp took it; not yet on the recipient&apos;s phone.</source>
        <translation>O WhatsApp aceitou; ainda não chegou ao celular do destinatário.</translation>
    </message>
    <message>
        <source>On the recipient&apos;s phone, not yet read.</source>
        <translation>No celular do destinatário, ainda não lida.</translation>
    </message>
    <message>
        <source>Read on the recipient&apos;s phone.</source>
        <translation>Lida no celular do destinatário.</translation>
    </message>
    <message>
        <source>It was not sent.</source>
        <translation>Não foi enviada.</translation>
    </message>
    <message>
        <source>Canceled before it left.</source>
        <translation>Cancelada antes de sair.</translation>
    </message>
    <message>
        <source>Arrived from this chat.</source>
        <translation>Chegou desta conversa.</translation>
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
        <translation>Este número não está no WhatsApp.</translation>
    </message>
    <message>
        <source>It waited too long in the outbox and was not sent (a message is kept for a day unless told otherwise).</source>
        <translation>Esperou demais na caixa de saída e não foi enviada (uma mensagem espera um dia, salvo indicação em contrário).</translation>
    </message>
    <message>
        <source>The number was logged out before the message left. Link it again and send the message again.</source>
        <translation>O número foi desconectado antes de a mensagem sair. Vincule o número de novo e envie a mensagem outra vez.</translation>
    </message>
    <message>
        <source>WhatsApp cannot reach this recipient; check the number.</source>
        <translation>O WhatsApp não consegue alcançar este destinatário; confira o número.</translation>
    </message>
    <message>
        <source>WhatsApp refused the message (code %1).</source>
        <translation>O WhatsApp recusou a mensagem (código %1).</translation>
    </message>
    <message>
        <source>WhatsApp refused the message.</source>
        <translation>O WhatsApp recusou a mensagem.</translation>
    </message>
    <message>
        <source>The message could not be sent.</source>
        <translation>Não foi possível enviar a mensagem.</translation>
    </message>
    <message>
        <source>WhatsApp limited new chats (463)</source>
        <translation>O WhatsApp limitou conversas novas (463)</translation>
    </message>
    <message>
        <source>WhatsApp asked to slow down (too many messages)</source>
        <translation>O WhatsApp pediu para desacelerar (mensagens demais)</translation>
    </message>
    <message>
        <source>WhatsApp limited sending</source>
        <translation>O WhatsApp limitou o envio</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <source>Type the phone number.</source>
        <translation>Digite o número de telefone.</translation>
    </message>
    <message>
        <source>Use only digits, spaces and dashes, with an optional + in front.</source>
        <translation>Use apenas dígitos, espaços e hífens, com um + opcional no início.</translation>
    </message>
    <message>
        <source>This looks like a number without its country: choose the country, or start with + and the country code.</source>
        <translation>Parece um número sem o país: escolha o país ou comece com + e o código do país.</translation>
    </message>
    <message>
        <source>A number after the + never starts with 0. Leave out the 0, or choose the country.</source>
        <translation>Depois do +, o número nunca começa com 0. Tire o 0 ou escolha o país.</translation>
    </message>
    <message>
        <source>No country calling code starts like +%1. Check the first digits.</source>
        <translation>Nenhum código de país começa com +%1. Confira os primeiros dígitos.</translation>
    </message>
    <message numerus="yes">
        <source>This number is too short: %n digits with the country code.</source>
        <translation>
            <numerusform>Este número é curto demais: %n dígito com o código do país.</numerusform>
            <numerusform>Este número é curto demais: %n dígitos com o código do país.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This number is too long: %n digits with the country code; at most 15.</source>
        <translation>
            <numerusform>Este número é longo demais: %n dígito com o código do país; no máximo 15.</numerusform>
            <numerusform>Este número é longo demais: %n dígitos com o código do país; no máximo 15.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers in %1</source>
        <translation>Números de %1</translation>
    </message>
    <message>
        <source>Numbers starting +%1</source>
        <translation>Números que começam com +%1</translation>
    </message>
    <message>
        <source>%1 have %2 digits after +%3; this one has %4.</source>
        <translation>%1 têm %2 dígitos depois de +%3; este tem %4.</translation>
    </message>
    <message>
        <source>%1 have %2 to %3 digits after +%4; this one has %5.</source>
        <translation>%1 têm de %2 a %3 dígitos depois de +%4; este tem %5.</translation>
    </message>
</context>
<context>
    <name>ProblemAdvice</name>
    <message>
        <source>Link a number…</source>
        <translation>Vincular um número…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Another connection took over this number.</source>
        <translation>Outra conexão assumiu este número.</translation>
    </message>
    <message>
        <source>Make sure only one gateway uses this number, then try again.</source>
        <translation>Garanta que só um gateway use este número e tente de novo.</translation>
    </message>
    <message>
        <source>WhatsApp has banned this number for a while.</source>
        <translation>O WhatsApp bloqueou este número por um tempo.</translation>
    </message>
    <message>
        <source>Wait until the ban ends (see the details), then try again.</source>
        <translation>Espere o bloqueio terminar (veja os detalhes) e tente de novo.</translation>
    </message>
    <message>
        <source>WhatsApp has banned or logged out this number.</source>
        <translation>O WhatsApp bloqueou ou desconectou este número.</translation>
    </message>
    <message>
        <source>Check WhatsApp on the phone. If the number still works there, link it again.</source>
        <translation>Verifique o WhatsApp no celular. Se o número ainda funciona lá, vincule-o de novo.</translation>
    </message>
    <message>
        <source>WhatsApp refused this version of Wagate as too old.</source>
        <translation>O WhatsApp recusou esta versão do Wagate por ser antiga demais.</translation>
    </message>
    <message>
        <source>Ask your administrator to set the current WhatsApp Web version (--wa-version) or update Wagate, then try again.</source>
        <translation>Peça ao administrador para configurar a versão atual do WhatsApp Web (--wa-version) ou atualizar o Wagate e tente de novo.</translation>
    </message>
    <message>
        <source>The server did not prove that it is WhatsApp.</source>
        <translation>O servidor não provou que é o WhatsApp.</translation>
    </message>
    <message>
        <source>A proxy or firewall may be in the way. Check the network, then try again.</source>
        <translation>Pode haver um proxy ou firewall no caminho. Verifique a rede e tente de novo.</translation>
    </message>
    <message>
        <source>Wagate could not reach WhatsApp, even after several tries.</source>
        <translation>O Wagate não conseguiu alcançar o WhatsApp, mesmo depois de várias tentativas.</translation>
    </message>
    <message>
        <source>Check this computer&apos;s internet connection, then try again.</source>
        <translation>Verifique a conexão deste computador com a internet e tente de novo.</translation>
    </message>
    <message>
        <source>Wagate gave up connecting this number.</source>
        <translation>O Wagate desistiu de conectar este número.</translation>
    </message>
    <message>
        <source>Try again. If it keeps failing, send the details below to your administrator.</source>
        <translation>Tente de novo. Se continuar falhando, envie os detalhes abaixo ao seu administrador.</translation>
    </message>
    <message>
        <source>The phone unlinked this device.</source>
        <translation>O celular desvinculou este aparelho.</translation>
    </message>
    <message>
        <source>Link the number again.</source>
        <translation>Vincule o número de novo.</translation>
    </message>
    <message>
        <source>This number was logged out from Wagate.</source>
        <translation>Este número foi desvinculado pelo Wagate.</translation>
    </message>
    <message>
        <source>Link the number again to use it.</source>
        <translation>Vincule o número de novo para usá-lo.</translation>
    </message>
    <message>
        <source>WhatsApp logged this device out.</source>
        <translation>O WhatsApp desconectou este aparelho.</translation>
    </message>
    <message>
        <source>No WhatsApp number is linked to this session yet.</source>
        <translation>Ainda não há um número de WhatsApp vinculado a esta sessão.</translation>
    </message>
    <message>
        <source>Link a number with a QR code or a pairing code.</source>
        <translation>Vincule um número com um QR code ou um código de pareamento.</translation>
    </message>
    <message>
        <source>The QR codes ran out before the phone scanned one.</source>
        <translation>Os QR codes expiraram antes que o celular escaneasse um.</translation>
    </message>
    <message>
        <source>Link the number again and scan the code with the phone right away.</source>
        <translation>Vincule o número de novo e escaneie o código com o celular logo em seguida.</translation>
    </message>
    <message>
        <source>The pairing code ran out before it was typed on the phone.</source>
        <translation>O código de pareamento expirou antes de ser digitado no celular.</translation>
    </message>
    <message>
        <source>Link the number again and type the new code on the phone right away.</source>
        <translation>Vincule o número de novo e digite o novo código no celular logo em seguida.</translation>
    </message>
    <message>
        <source>The phone did not accept the pairing code.</source>
        <translation>O celular não aceitou o código de pareamento.</translation>
    </message>
    <message>
        <source>Check the phone number, then link again.</source>
        <translation>Confira o número de telefone e vincule de novo.</translation>
    </message>
    <message>
        <source>This WhatsApp account cannot link other devices.</source>
        <translation>Esta conta do WhatsApp não pode vincular outros aparelhos.</translation>
    </message>
    <message>
        <source>Update WhatsApp on the phone, then link again.</source>
        <translation>Atualize o WhatsApp no celular e vincule de novo.</translation>
    </message>
    <message>
        <source>Linking did not finish.</source>
        <translation>A vinculação não terminou.</translation>
    </message>
    <message>
        <source>The connection dropped. Wagate is reconnecting by itself.</source>
        <translation>A conexão caiu. O Wagate está reconectando sozinho.</translation>
    </message>
    <message>
        <source>Nothing to do now. If this lasts for minutes, check the internet connection.</source>
        <translation>Não é preciso fazer nada agora. Se isso durar minutos, verifique a conexão com a internet.</translation>
    </message>
    <message>
        <source>This number is linked but not connected.</source>
        <translation>Este número está vinculado, mas não conectado.</translation>
    </message>
    <message>
        <source>Start it to send and receive messages.</source>
        <translation>Inicie-o para enviar e receber mensagens.</translation>
    </message>
    <message>
        <source>Wagate could not record this number&apos;s state, so it disconnected it.</source>
        <translation>O Wagate não conseguiu registrar o estado deste número e por isso o desconectou.</translation>
    </message>
    <message>
        <source>Wagate could not keep this number&apos;s new keys safe, so it disconnected it.</source>
        <translation>O Wagate não conseguiu guardar com segurança as novas chaves deste número e por isso o desconectou.</translation>
    </message>
    <message>
        <source>Ask your administrator to check the gateway&apos;s storage, then try again.</source>
        <translation>Peça ao administrador para verificar o armazenamento do gateway e tente novamente.</translation>
    </message>
    <message>
        <source>Nothing to do: Wagate connects it again by itself when the ban ends (see the details).</source>
        <translation>Nada a fazer: o Wagate o conecta de novo sozinho quando o banimento terminar (veja os detalhes).</translation>
    </message>
</context>
<context>
    <name>SessionStatusLook</name>
    <message>
        <source>Not linked</source>
        <translation>Não vinculada</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Parada</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Scan the QR code</source>
        <translation>Escaneie o QR code</translation>
    </message>
    <message>
        <source>Enter the code on the phone</source>
        <translation>Digite o código no celular</translation>
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
        <translation>Falha</translation>
    </message>
    <message>
        <source>Logged out</source>
        <translation>Desvinculada</translation>
    </message>
    <message>
        <source>No WhatsApp number is linked yet. Use “Link a number”.</source>
        <translation>Ainda não há número de WhatsApp vinculado. Use “Vincular um número”.</translation>
    </message>
    <message>
        <source>A number is linked but not connected. Press Start to connect it.</source>
        <translation>Há um número vinculado, mas não conectado. Clique em Iniciar para conectá-lo.</translation>
    </message>
    <message>
        <source>Connecting to WhatsApp.</source>
        <translation>Conectando ao WhatsApp.</translation>
    </message>
    <message>
        <source>Waiting for the phone to scan the QR code.</source>
        <translation>Aguardando o celular escanear o QR code.</translation>
    </message>
    <message>
        <source>Waiting for the code to be typed on the phone.</source>
        <translation>Aguardando o código ser digitado no celular.</translation>
    </message>
    <message>
        <source>Connected: messages can be sent and received.</source>
        <translation>Conectada: dá para enviar e receber mensagens.</translation>
    </message>
    <message>
        <source>The connection dropped; trying again by itself.</source>
        <translation>A conexão caiu; tentando de novo sozinha.</translation>
    </message>
    <message>
        <source>Gave up connecting. The details say why; Start tries again.</source>
        <translation>Desistiu de conectar. Os detalhes dizem por quê; Iniciar tenta de novo.</translation>
    </message>
    <message>
        <source>The phone unlinked this device. Link the number again.</source>
        <translation>O celular desvinculou este aparelho. Vincule o número de novo.</translation>
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
        <translation>agora mesmo</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>há %n min</numerusform>
            <numerusform>há %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>há %n h</numerusform>
            <numerusform>há %n h</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ontem</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>há %n dia</numerusform>
            <numerusform>há %n dias</numerusform>
        </translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>ontem %1</translation>
    </message>
</context>
<context>
    <name>wagate::BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>Processando</translation>
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
        <translation>Outro Wagate já está usando %1.</translation>
    </message>
    <message>
        <source>Switch to the window that is already open, or start this one with another --data-dir.</source>
        <translation>Vá para a janela que já está aberta ou inicie esta com outro --data-dir.</translation>
    </message>
    <message>
        <source>The gateway engine stopped: %1</source>
        <translation>O motor do gateway parou: %1</translation>
    </message>
    <message>
        <source>Sessions are not served until Wagate is restarted.</source>
        <translation>As sessões ficam sem atendimento até o Wagate ser reiniciado.</translation>
    </message>
    <message>
        <source>You were signed out: %1</source>
        <translation>Sua sessão foi encerrada: %1</translation>
    </message>
</context>
<context>
    <name>wagate::LinkNumberDialog</name>
    <message>
        <source>Link a number to “%1”</source>
        <translation>Vincular um número a “%1”</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Número de telefone</translation>
    </message>
    <message>
        <source>This session was deleted.</source>
        <translation>Esta sessão foi excluída.</translation>
    </message>
    <message>
        <source>&lt;p&gt;On the phone:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Go to &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Point the phone at this code&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;No celular:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Abra o &lt;b&gt;WhatsApp&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Vá em &lt;b&gt;Configurações → Aparelhos conectados&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Toque em &lt;b&gt;Conectar um aparelho&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Aponte o celular para este código&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>WhatsApp shows a code; you type it on the phone that has the number. Type the number as you know it: with + and the country code, or as dialled in its country.</source>
        <translation>O WhatsApp mostra um código, que você digita no celular com o número. Digite o número como você o conhece: com + e o código do país, ou como se disca no país dele.</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;País:</translation>
    </message>
    <message>
        <source>&amp;Phone number:</source>
        <translation>&amp;Número de telefone:</translation>
    </message>
    <message>
        <source>Get a pairing code</source>
        <translation>Gerar código de pareamento</translation>
    </message>
    <message>
        <source>&lt;p&gt;On the phone with this number:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Open &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Settings → Linked devices&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Tap &lt;b&gt;Link a device&lt;/b&gt;, then &lt;b&gt;Link with phone number instead&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Type the code above&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;No celular com este número:&lt;/p&gt;&lt;ol style=&quot;margin-left: 14px; -qt-list-indent: 0;&quot;&gt;&lt;li&gt;Abra o &lt;b&gt;WhatsApp&lt;/b&gt; → &lt;b&gt;Configurações → Aparelhos conectados&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Toque em &lt;b&gt;Conectar um aparelho&lt;/b&gt; e depois em &lt;b&gt;Conectar com número de telefone&lt;/b&gt;&lt;/li&gt;&lt;li&gt;Digite o código acima&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>Use another number</source>
        <translation>Usar outro número</translation>
    </message>
    <message>
        <source>Get a new code</source>
        <translation>Gerar novo código</translation>
    </message>
    <message>
        <source>The code goes to the phone with this number.</source>
        <translation>O código vai para o celular com este número.</translation>
    </message>
    <message>
        <source>Linking is not possible right now: %1</source>
        <translation>Não é possível vincular agora: %1</translation>
    </message>
    <message>
        <source>Someone asked for a pairing code for this session; it is waiting to be typed on the phone. Stop the session to start over with a QR code.</source>
        <translation>Alguém pediu um código de pareamento para esta sessão, e ele está esperando ser digitado no celular. Pare a sessão para recomeçar com um QR code.</translation>
    </message>
    <message>
        <source>This session already has a number. Log it out first to link another.</source>
        <translation>Esta sessão já tem um número. Desvincule-o primeiro para vincular outro.</translation>
    </message>
    <message>
        <source>This QR code cannot be shown (it is too long).</source>
        <translation>Este QR code não pode ser exibido (é longo demais).</translation>
    </message>
    <message>
        <source>Pairing code %1</source>
        <translation>Código de pareamento %1</translation>
    </message>
    <message>
        <source>Linking was stopped.</source>
        <translation>A vinculação foi interrompida.</translation>
    </message>
    <message>
        <source>Linked %1</source>
        <translation>%1 vinculado</translation>
    </message>
    <message>
        <source>Connecting to WhatsApp…</source>
        <translation>Conectando ao WhatsApp…</translation>
    </message>
    <message>
        <source>Scanned — finishing on the phone…</source>
        <translation>Escaneado — finalizando no celular…</translation>
    </message>
    <message>
        <source>The codes ran out before the phone scanned one.</source>
        <translation>Os códigos expiraram antes que o celular escaneasse um.</translation>
    </message>
    <message>
        <source>You are linking with a phone number (see the other tab).</source>
        <translation>Você está vinculando por número de telefone (veja a outra aba).</translation>
    </message>
    <message>
        <source>No QR code is shown.</source>
        <translation>Nenhum QR code é exibido.</translation>
    </message>
    <message>
        <source>Show a QR code instead</source>
        <translation>Mostrar um QR code</translation>
    </message>
    <message>
        <source>Asking WhatsApp for a code for %1…</source>
        <translation>Pedindo ao WhatsApp um código para %1…</translation>
    </message>
    <message>
        <source>Code accepted — finishing on the phone…</source>
        <translation>Código aceito — finalizando no celular…</translation>
    </message>
    <message>
        <source>The code ran out before it was typed on the phone.</source>
        <translation>O código expirou antes de ser digitado no celular.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message numerus="yes">
        <source>This code changes in %n s</source>
        <translation>
            <numerusform>Este código muda em %n s</numerusform>
            <numerusform>Este código muda em %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This code expires in %n s</source>
        <translation>
            <numerusform>Este código expira em %n s</numerusform>
            <numerusform>Este código expira em %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for the next code…</source>
        <translation>Aguardando o próximo código…</translation>
    </message>
    <message>
        <source>Waiting for WhatsApp…</source>
        <translation>Aguardando o WhatsApp…</translation>
    </message>
</context>
<context>
    <name>wagate::MainWindow</name>
    <message>
        <source>The sessions could not be listed: %1</source>
        <translation>Não foi possível listar as sessões: %1</translation>
    </message>
    <message>
        <source>engine stopped</source>
        <translation>motor parado</translation>
    </message>
    <message>
        <source>The gateway engine stopped: %1 Restart Wagate to continue.</source>
        <translation>O motor do gateway parou: %1 Reinicie o Wagate para continuar.</translation>
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
        <translation>Nova sessão</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Link a number</source>
        <translation>Vincular número</translation>
    </message>
    <message>
        <source>Log out the number…</source>
        <translation>Desvincular o número…</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Editar configurações…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Copy phone number</source>
        <translation>Copiar número de telefone</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Copiado: %1</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Copiar ID da sessão</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessões</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filtrar:</translation>
    </message>
    <message>
        <source>Search label or phone</source>
        <translation>Buscar nome ou telefone</translation>
    </message>
    <message>
        <source>Type part of a label or of a phone number, in any formatting (%1)</source>
        <translation>Digite parte de um nome ou de um número de telefone, em qualquer formato (%1)</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Filtro de status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Todos os status</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Precisa de atenção</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Última conexão</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ontem</translation>
    </message>
    <message>
        <source>API not running</source>
        <translation>API parada</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Copy the API address for scripts</source>
        <translation>Copiar o endereço da API para scripts</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sessão</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>E&amp;xibir</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Carregando sessões…</translation>
    </message>
    <message>
        <source>No sessions yet.
Press “New session” to add a WhatsApp number.</source>
        <translation>Ainda não há sessões.
Clique em “Nova sessão” para adicionar um número de WhatsApp.</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Ainda não há sessões.</translation>
    </message>
    <message>
        <source>No session matches the filter.</source>
        <translation>Nenhuma sessão corresponde ao filtro.</translation>
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
        <translation>O motor do gateway não está funcionando.</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>Selecione uma sessão primeiro.</translation>
    </message>
    <message>
        <source>Add a session for a WhatsApp number (%1)</source>
        <translation>Adicionar uma sessão para um número de WhatsApp (%1)</translation>
    </message>
    <message>
        <source>Connect “%1” to WhatsApp</source>
        <translation>Conectar “%1” ao WhatsApp</translation>
    </message>
    <message>
        <source>“%1” has no number yet: link one first.</source>
        <translation>“%1” ainda não tem número: vincule um primeiro.</translation>
    </message>
    <message>
        <source>“%1” is already started.</source>
        <translation>“%1” já foi iniciada.</translation>
    </message>
    <message>
        <source>Disconnect “%1”; it stays linked</source>
        <translation>Desconectar “%1”; o número continua vinculado</translation>
    </message>
    <message>
        <source>“%1” is not running.</source>
        <translation>“%1” não está em execução.</translation>
    </message>
    <message>
        <source>Link a WhatsApp number to “%1” by QR code or pairing code</source>
        <translation>Vincular um número de WhatsApp a “%1” por QR code ou código de pareamento</translation>
    </message>
    <message>
        <source>“%1” already has a number. Log it out first to link another.</source>
        <translation>“%1” já tem um número. Desvincule-o primeiro para vincular outro.</translation>
    </message>
    <message>
        <source>Unlink the number from “%1”</source>
        <translation>Desvincular o número de “%1”</translation>
    </message>
    <message>
        <source>“%1” has no number to log out.</source>
        <translation>“%1” não tem número para desvincular.</translation>
    </message>
    <message>
        <source>Change the label and sending pace of “%1”</source>
        <translation>Alterar o nome e o ritmo de envio de “%1”</translation>
    </message>
    <message>
        <source>Delete “%1” (Del)</source>
        <translation>Excluir “%1” (Del)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln falha</numerusform>
            <numerusform>%Ln falhas</numerusform>
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
            <numerusform>%Ln aguardando celular</numerusform>
            <numerusform>%Ln aguardando celular</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln stopped</source>
        <translation>
            <numerusform>%Ln parada</numerusform>
            <numerusform>%Ln paradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln not linked</source>
        <translation>
            <numerusform>%Ln não vinculada</numerusform>
            <numerusform>%Ln não vinculadas</numerusform>
        </translation>
    </message>
    <message>
        <source>no sessions</source>
        <translation>nenhuma sessão</translation>
    </message>
    <message>
        <source>Created “%1”. Link a number to it next.</source>
        <translation>Sessão “%1” criada. Agora vincule um número a ela.</translation>
    </message>
    <message>
        <source>Linked %1 to “%2”</source>
        <translation>%1 vinculado a “%2”</translation>
    </message>
    <message>
        <source>Could not start “%1”.</source>
        <translation>Não foi possível iniciar “%1”.</translation>
    </message>
    <message>
        <source>Could not stop “%1”.</source>
        <translation>Não foi possível parar “%1”.</translation>
    </message>
    <message>
        <source>Log out the number</source>
        <translation>Desvincular o número</translation>
    </message>
    <message>
        <source>Log out %1 from “%2”?</source>
        <translation>Desvincular %1 de “%2”?</translation>
    </message>
    <message>
        <source>The phone will no longer list this computer as a linked device. To use the number here again, link it again.</source>
        <translation>O celular deixará de mostrar este computador como aparelho conectado. Para usar o número aqui de novo, vincule-o novamente.</translation>
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
        <translation>Não foi possível desvincular “%1”.</translation>
    </message>
    <message>
        <source>Delete session</source>
        <translation>Excluir sessão</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Excluir “%1”?</translation>
    </message>
    <message>
        <source>%1 is unlinked from this computer and the session&apos;s history is removed. This cannot be undone.</source>
        <translation>%1 será desvinculado deste computador e o histórico da sessão será apagado. Não dá para desfazer.</translation>
    </message>
    <message>
        <source>The session and its history are removed. This cannot be undone.</source>
        <translation>A sessão e o histórico dela serão apagados. Não dá para desfazer.</translation>
    </message>
    <message>
        <source>Could not delete “%1”.</source>
        <translation>Não foi possível excluir “%1”.</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Sessão “%1” excluída</translation>
    </message>
    <message>
        <source>Send a message…</source>
        <translation>Enviar uma mensagem…</translation>
    </message>
    <message>
        <source>Send a message</source>
        <translation>Enviar mensagem</translation>
    </message>
    <message>
        <source>Cancel message</source>
        <translation>Cancelar mensagem</translation>
    </message>
    <message>
        <source>Webhooks…</source>
        <translation>Webhooks…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalhes</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>&amp;Messages</source>
        <translation>&amp;Mensagens</translation>
    </message>
    <message>
        <source>Send the organization&apos;s events to your own systems</source>
        <translation>Envie os eventos da organização para os seus próprios sistemas</translation>
    </message>
    <message>
        <source>Send a WhatsApp message from “%1”</source>
        <translation>Enviar uma mensagem de WhatsApp por “%1”</translation>
    </message>
    <message>
        <source>Select a queued message in the list first.</source>
        <translation>Selecione primeiro uma mensagem na fila, na lista.</translation>
    </message>
    <message>
        <source>Keep this message from being sent</source>
        <translation>Impedir que esta mensagem seja enviada</translation>
    </message>
    <message>
        <source>Only a message still waiting in the outbox can be canceled.</source>
        <translation>Só é possível cancelar uma mensagem que ainda espera na caixa de saída.</translation>
    </message>
    <message>
        <source>The message was not canceled. %1</source>
        <translation>A mensagem não foi cancelada. %1</translation>
    </message>
    <message>
        <source>Canceled the message to %1</source>
        <translation>Mensagem para %1 cancelada</translation>
    </message>
</context>
<context>
    <name>wagate::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Dispensar</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>Dispensar esta mensagem</translation>
    </message>
</context>
<context>
    <name>wagate::MessageListModel</name>
    <message>
        <source>(a kind of message the console does not show)</source>
        <translation>(um tipo de mensagem que o console não mostra)</translation>
    </message>
    <message>
        <source>(a message that could not be opened)</source>
        <translation>(uma mensagem que não pôde ser aberta)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensagem</translation>
    </message>
</context>
<context>
    <name>wagate::MessagesView</name>
    <message>
        <source>Messages</source>
        <translation>Mensagens</translation>
    </message>
    <message>
        <source>From +62 812-3456-78901</source>
        <translation>De +62 812-3456-78901</translation>
    </message>
    <message>
        <source>55 min ago</source>
        <translation>há 55 min</translation>
    </message>
    <message>
        <source>Select a session to see its messages.</source>
        <translation>Selecione uma sessão para ver as mensagens dela.</translation>
    </message>
    <message>
        <source>Loading messages…</source>
        <translation>Carregando mensagens…</translation>
    </message>
    <message>
        <source>The messages could not be listed.</source>
        <translation>Não foi possível listar as mensagens.</translation>
    </message>
    <message>
        <source>No messages yet. Messages this number sends and receives appear here as they happen.</source>
        <translation>Nenhuma mensagem ainda. As mensagens que este número envia e recebe aparecem aqui na hora.</translation>
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
            <numerusform>%Ln aguardando</numerusform>
            <numerusform>%Ln aguardando</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting</source>
        <translation>Nada aguardando</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Sending to new chats paused until %1 — %2</source>
        <translation>Envio para conversas novas pausado até %1 — %2</translation>
    </message>
    <message>
        <source>Sending paused until %1 — %2</source>
        <translation>Envio pausado até %1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%Ln sent</source>
        <translation>
            <numerusform>%Ln enviada</numerusform>
            <numerusform>%Ln enviadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln delivered</source>
        <translation>
            <numerusform>%Ln entregue</numerusform>
            <numerusform>%Ln entregues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln read</source>
        <translation>
            <numerusform>%Ln lida</numerusform>
            <numerusform>%Ln lidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed</source>
        <translation>
            <numerusform>%Ln falhou</numerusform>
            <numerusform>%Ln falharam</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln received</source>
        <translation>
            <numerusform>%Ln recebida</numerusform>
            <numerusform>%Ln recebidas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::PhoneNumberInput</name>
    <message>
        <source>Other (type + and the country code)</source>
        <translation>Outro (digite + e o código do país)</translation>
    </message>
    <message>
        <source>e.g. +62 812-3456-7890 or 0812-3456-7890</source>
        <translation>ex.: +55 11 98765-4321 ou (11) 98765-4321</translation>
    </message>
    <message>
        <source>Will use %1 (sent as %2)</source>
        <translation>Será usado %1 (enviado como %2)</translation>
    </message>
</context>
<context>
    <name>wagate::QrCodeWidget</name>
    <message>
        <source>QR code to scan with the phone</source>
        <translation>QR code para escanear com o celular</translation>
    </message>
</context>
<context>
    <name>wagate::SendMessageDialog</name>
    <message>
        <source>Send a message from “%1”</source>
        <translation>Enviar uma mensagem por “%1”</translation>
    </message>
    <message>
        <source>The message leaves at the session&apos;s sending pace.</source>
        <translation>A mensagem sai no ritmo de envio da sessão.</translation>
    </message>
    <message>
        <source>From %1. The message leaves at the session&apos;s sending pace.</source>
        <translation>De %1. A mensagem sai no ritmo de envio da sessão.</translation>
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
        <translation>O texto da mensagem</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Mensagem:</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>A number with WhatsApp, as you would dial it.</source>
        <translation>Um número com WhatsApp, como você o discaria.</translation>
    </message>
    <message>
        <source>%1 / %2 characters</source>
        <translation>%1 / %2 caracteres</translation>
    </message>
    <message>
        <source>Send another</source>
        <translation>Enviar outra</translation>
    </message>
    <message>
        <source>Type the number first.</source>
        <translation>Digite o número primeiro.</translation>
    </message>
    <message>
        <source>The message is longer than %1 characters.</source>
        <translation>A mensagem tem mais de %1 caracteres.</translation>
    </message>
    <message>
        <source>Type the message first.</source>
        <translation>Digite a mensagem primeiro.</translation>
    </message>
    <message>
        <source>Not sent. %1</source>
        <translation>Não enviada. %1</translation>
    </message>
</context>
<context>
    <name>wagate::SessionDetailsPane</name>
    <message>
        <source>Select a session to see its status, its number and what happened to it.</source>
        <translation>Selecione uma sessão para ver o status, o número e o que aconteceu com ela.</translation>
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
        <translation>Linha do tempo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>The id scripts use in the HTTP API</source>
        <translation>O ID que os scripts usam na API HTTP</translation>
    </message>
    <message>
        <source>Sending pace:</source>
        <translation>Ritmo de envio:</translation>
    </message>
    <message>
        <source>Mark messages read:</source>
        <translation>Marcar como lidas:</translation>
    </message>
    <message>
        <source>Show “typing…”:</source>
        <translation>Mostrar “digitando…”:</translation>
    </message>
    <message>
        <source>Session id:</source>
        <translation>ID da sessão:</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Editar configurações…</translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 desde %2</translation>
    </message>
    <message>
        <source>No number linked yet</source>
        <translation>Nenhum número vinculado ainda</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copiar %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalhes: %1</translation>
    </message>
    <message>
        <source>%L1/min · %L2/h</source>
        <translation>%L1/min · %L2/h</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Caixa de saída</translation>
    </message>
    <message>
        <source>Messages waiting to leave, and the sending pace of this number</source>
        <translation>Mensagens aguardando para sair e o ritmo de envio deste número</translation>
    </message>
    <message>
        <source>Nothing is lost: waiting messages stay queued and sending resumes by itself.</source>
        <translation>Nada se perde: as mensagens continuam na fila e o envio recomeça sozinho.</translation>
    </message>
    <message>
        <source>Messages of today. Sent counts every message that left, also those delivered and read since.</source>
        <translation>Mensagens de hoje. Enviadas conta toda mensagem que saiu, também as entregues e lidas depois.</translation>
    </message>
    <message>
        <source>Looking at the outbox…</source>
        <translation>Consultando a caixa de saída…</translation>
    </message>
    <message>
        <source>Today: %1</source>
        <translation>Hoje: %1</translation>
    </message>
</context>
<context>
    <name>wagate::SessionDialog</name>
    <message>
        <source>New session</source>
        <translation>Nova sessão</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Criar</translation>
    </message>
    <message>
        <source>Settings of “%1”</source>
        <translation>Configurações de “%1”</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>e.g. Support line</source>
        <translation>ex.: Atendimento</translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation>&amp;Nome:</translation>
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
        <translation>Enviar no máximo:</translation>
    </message>
    <message>
        <source>Mark incoming messages as &amp;read</source>
        <translation>Marcar mensagens recebidas como &amp;lidas</translation>
    </message>
    <message>
        <source>Show “&amp;typing…” before each message</source>
        <translation>Mostrar “&amp;digitando…” antes de cada mensagem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Give the session a name people recognise, e.g. “Support line”.</source>
        <translation>Dê à sessão um nome fácil de reconhecer, por exemplo “Atendimento”.</translation>
    </message>
    <message>
        <source>The name cannot contain control characters.</source>
        <translation>O nome não pode conter caracteres de controle.</translation>
    </message>
    <message numerus="yes">
        <source>The hourly limit is lower than the per-minute one, so at most %Ln messages go out in any hour.</source>
        <translation>
            <numerusform>O limite por hora é menor que o por minuto; então sai no máximo %Ln mensagem por hora.</numerusform>
            <numerusform>O limite por hora é menor que o por minuto; então saem no máximo %Ln mensagens por hora.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>wagate::SessionListModel</name>
    <message>
        <source>No number linked yet</source>
        <translation>Nenhum número vinculado ainda</translation>
    </message>
    <message>
        <source>Copied as %1</source>
        <translation>Copiado como %1</translation>
    </message>
    <message>
        <source>no number</source>
        <translation>sem número</translation>
    </message>
    <message>
        <source>Never connected</source>
        <translation>Nunca conectada</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefone</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last connected</source>
        <translation>Última conexão</translation>
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
        <translation>parada</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>desvinculada</translation>
    </message>
    <message>
        <source>linking by QR code</source>
        <translation>vinculando por QR code</translation>
    </message>
    <message>
        <source>linking by pairing code</source>
        <translation>vinculando por código de pareamento</translation>
    </message>
    <message>
        <source>QR code shown</source>
        <translation>QR code exibido</translation>
    </message>
    <message>
        <source>pairing code shown</source>
        <translation>código de pareamento exibido</translation>
    </message>
    <message>
        <source>the codes ran out</source>
        <translation>os códigos expiraram</translation>
    </message>
    <message>
        <source>linking interrupted</source>
        <translation>vinculação interrompida</translation>
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
        <translation>conexão perdida</translation>
    </message>
    <message>
        <source>gave up reconnecting</source>
        <translation>desistiu de reconectar</translation>
    </message>
    <message>
        <source>WhatsApp refused the connection</source>
        <translation>o WhatsApp recusou a conexão</translation>
    </message>
    <message>
        <source>unlinked from the phone</source>
        <translation>desvinculada pelo celular</translation>
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
        <translation>conta de operador %1</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chave de API</translation>
    </message>
    <message>
        <source>login token</source>
        <translation>token de acesso</translation>
    </message>
    <message>
        <source>Sign in — Wagate</source>
        <translation>Entrar — Wagate</translation>
    </message>
    <message>
        <source>Sign in to Wagate</source>
        <translation>Entrar no Wagate</translation>
    </message>
    <message>
        <source>Back to profiles</source>
        <translation>Voltar aos perfis</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Saved profiles:</source>
        <translation>Perfis salvos:</translation>
    </message>
    <message>
        <source>Saved profiles</source>
        <translation>Perfis salvos</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Adicionar perfil…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remover</translation>
    </message>
    <message>
        <source>Sign in without saving…</source>
        <translation>Entrar sem salvar…</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Remover perfil</translation>
    </message>
    <message>
        <source>Forget “%1” on this computer? Its secret is deleted from the system keychain.</source>
        <translation>Esquecer “%1” neste computador? O segredo dele será apagado do chaveiro do sistema.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>&amp;Operator account</source>
        <translation>Conta de &amp;operador</translation>
    </message>
    <message>
        <source>&amp;API key</source>
        <translation>Chave de &amp;API</translation>
    </message>
    <message>
        <source>Login &amp;token</source>
        <translation>&amp;Token de acesso</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organização</translation>
    </message>
    <message>
        <source>Choose, or type its name or id</source>
        <translation>Escolha ou digite o nome ou o ID</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organização:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nome de usuário:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>wgk_…</source>
        <translation>wgk_…</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Chave de API:</translation>
    </message>
    <message>
        <source>Your administrator creates keys with “wagate keys create”.</source>
        <translation>O seu administrador cria chaves com “wagate keys create”.</translation>
    </message>
    <message>
        <source>Paste the login token from your company&apos;s sign-in page</source>
        <translation>Cole o token de acesso da página de login da sua empresa</translation>
    </message>
    <message>
        <source>Token:</source>
        <translation>Token:</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>&amp;Lembrar no chaveiro do sistema</translation>
    </message>
    <message>
        <source>Profile name:</source>
        <translation>Nome do perfil:</translation>
    </message>
    <message>
        <source>The system keychain is not available, so sign-ins cannot be remembered on this computer. Nothing is saved; you can still sign in each time.</source>
        <translation>O chaveiro do sistema não está disponível, então os acessos não podem ser lembrados neste computador. Nada é salvo; você ainda pode entrar toda vez.</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detalhes: %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 em %2</translation>
    </message>
    <message>
        <source>Type the organization&apos;s id</source>
        <translation>Digite o ID da organização</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>None yet: wagate orgs create NAME</source>
        <translation>Nenhuma ainda: wagate orgs create NOME</translation>
    </message>
    <message>
        <source>%1 — this computer</source>
        <translation>%1 — este computador</translation>
    </message>
    <message>
        <source>API key — this computer</source>
        <translation>Chave de API — este computador</translation>
    </message>
    <message>
        <source>Login token — this computer</source>
        <translation>Token de acesso — este computador</translation>
    </message>
    <message>
        <source>The secret goes to the system keychain; only the profile&apos;s name is kept in a file.</source>
        <translation>O segredo vai para o chaveiro do sistema; só o nome do perfil fica num arquivo.</translation>
    </message>
    <message>
        <source>Starting the gateway…</source>
        <translation>Iniciando o gateway…</translation>
    </message>
    <message>
        <source>The gateway engine could not start: %1</source>
        <translation>O motor do gateway não conseguiu iniciar: %1</translation>
    </message>
    <message>
        <source>These credentials were not accepted. Check them and try again.</source>
        <translation>Essas credenciais não foram aceitas. Confira e tente de novo.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>Chave de API %1</translation>
    </message>
    <message>
        <source>key “%1”</source>
        <translation>chave “%1”</translation>
    </message>
    <message>
        <source>Saving the profile in the system keychain…</source>
        <translation>Salvando o perfil no chaveiro do sistema…</translation>
    </message>
    <message>
        <source>Signed in, but this sign-in could not be remembered: %1</source>
        <translation>Você entrou, mas este acesso não pôde ser lembrado: %1</translation>
    </message>
</context>
<context>
    <name>wagate::WebhookEditDialog</name>
    <message>
        <source>Messages received</source>
        <translation>Mensagens recebidas</translation>
    </message>
    <message>
        <source>Status changes of sent messages</source>
        <translation>Mudanças de status das mensagens enviadas</translation>
    </message>
    <message>
        <source>Session status changes</source>
        <translation>Mudanças de status das sessões</translation>
    </message>
    <message>
        <source>Sending paused or resumed</source>
        <translation>Envio pausado ou retomado</translation>
    </message>
    <message>
        <source>Test event</source>
        <translation>Evento de teste</translation>
    </message>
    <message>
        <source>Edit webhook</source>
        <translation>Editar webhook</translation>
    </message>
    <message>
        <source>Add a webhook</source>
        <translation>Adicionar um webhook</translation>
    </message>
    <message>
        <source>Wagate posts each event to this address, signed with the webhook&apos;s secret, and tries again for a day until the receiver answers with 2xx.</source>
        <translation>O Wagate envia cada evento a este endereço, assinado com o segredo do webhook, e tenta de novo durante um dia até o receptor responder com 2xx.</translation>
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
        <translation>&amp;Descrição:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Adicionar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Type an http:// or https:// address.</source>
        <translation>Digite um endereço http:// ou https://.</translation>
    </message>
    <message>
        <source>Choose at least one event.</source>
        <translation>Escolha pelo menos um evento.</translation>
    </message>
    <message>
        <source>Deliver events to this &amp;webhook</source>
        <translation>Entregar eventos a este &amp;webhook</translation>
    </message>
    <message>
        <source>This webhook no longer exists; someone may have deleted it.</source>
        <translation>Este webhook não existe mais; alguém pode tê-lo excluído.</translation>
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
        <translation>Os webhooks enviam os eventos da organização para os seus próprios sistemas na hora.</translation>
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
        <translation>Ativo</translation>
    </message>
    <message>
        <source>Latest delivery</source>
        <translation>Última entrega</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Adicionar…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Excluir</translation>
    </message>
    <message>
        <source>New secret…</source>
        <translation>Novo segredo…</translation>
    </message>
    <message>
        <source>A new signing secret; the old one stays valid for a day, so receivers can switch</source>
        <translation>Um novo segredo de assinatura; o antigo continua válido por um dia, para os receptores trocarem</translation>
    </message>
    <message>
        <source>Send a test event</source>
        <translation>Enviar um evento de teste</translation>
    </message>
    <message>
        <source>Recent deliveries</source>
        <translation>Entregas recentes</translation>
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
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Excluir webhook</translation>
    </message>
    <message>
        <source>Delete the webhook for %1?</source>
        <translation>Excluir o webhook de %1?</translation>
    </message>
    <message>
        <source>Its deliveries that are still waiting are dropped. This cannot be undone.</source>
        <translation>As entregas dele que ainda aguardam são descartadas. Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>The webhook was not deleted.</source>
        <translation>O webhook não foi excluído.</translation>
    </message>
    <message>
        <source>No new secret was made.</source>
        <translation>Nenhum segredo novo foi criado.</translation>
    </message>
    <message>
        <source>The test event was not queued.</source>
        <translation>O evento de teste não entrou na fila.</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>Delivered (%1)</source>
        <translation>Entregue (%1)</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Entregue</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Aguardando envio</translation>
    </message>
    <message>
        <source>The webhooks could not be listed.</source>
        <translation>Não foi possível listar os webhooks.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sim</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Não</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Nenhuma ainda</translation>
    </message>
    <message>
        <source>Recent deliveries to %1</source>
        <translation>Entregas recentes para %1</translation>
    </message>
    <message>
        <source>The deliveries could not be listed.</source>
        <translation>Não foi possível listar as entregas.</translation>
    </message>
    <message>
        <source>Webhook secret</source>
        <translation>Segredo do webhook</translation>
    </message>
    <message>
        <source>Receivers verify each delivery with this secret. Copy it now: it is shown only this once.</source>
        <translation>Os receptores verificam cada entrega com este segredo. Copie agora: ele só aparece desta vez.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln)</source>
        <translation>
            <numerusform>Falhou (tentativas: %Ln)</numerusform>
            <numerusform>Falhou (tentativas: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failed (attempts: %Ln) — %1</source>
        <translation>
            <numerusform>Falhou (tentativas: %Ln) — %1</numerusform>
            <numerusform>Falhou (tentativas: %Ln) — %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln)</source>
        <translation>
            <numerusform>Nova tentativa às %1 (tentativas até agora: %Ln)</numerusform>
            <numerusform>Nova tentativa às %1 (tentativas até agora: %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trying again at %1 (attempts so far: %Ln, last: %2)</source>
        <translation>
            <numerusform>Nova tentativa às %1 (tentativas até agora: %Ln, última: %2)</numerusform>
            <numerusform>Nova tentativa às %1 (tentativas até agora: %Ln, última: %2)</numerusform>
        </translation>
    </message>
</context>
</TS>
