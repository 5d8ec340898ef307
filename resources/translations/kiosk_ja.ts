<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>CounterHome</name>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="22"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDの作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="22"/>
        <source>The resident places the card and chooses an ID</source>
        <translation>住民の方がカードを置き、IDを決めます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="23"/>
        <source>Look up a MyKey ID / service IDs</source>
        <translation>マイキーID照会・サービスID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="23"/>
        <source>Status and service ID registration</source>
        <translation>状態の確認とサービスIDの登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="24"/>
        <source>Apply for a measure</source>
        <translation>施策への申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="24"/>
        <source>Eligibility, payment service, submission</source>
        <translation>対象確認・決済サービス選択・申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="25"/>
        <source>Grant points</source>
        <translation>ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="25"/>
        <source>Programme grants and event attendance</source>
        <translation>付与事業・イベント出席</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="36"/>
        <source>Counter</source>
        <translation>窓口</translation>
    </message>
</context>
<context>
    <name>CreateMyKeyScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="47"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="51"/>
        <source>Place the card</source>
        <translation>カードを置く</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="51"/>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="51"/>
        <source>Choose an ID</source>
        <translation>IDを決める</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="52"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="52"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="62"/>
        <source>Back to the counter menu</source>
        <translation>窓口メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="65"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDの作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="86"/>
        <source>8 letters or digits, e.g. AB12CD34</source>
        <translation>英大文字・数字8文字（例：AB12CD34）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="88"/>
        <source>Check availability</source>
        <translation>使えるか確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="90"/>
        <source>Generate one for me</source>
        <translation>自動で作成する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="95"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="103"/>
        <source>Please type the MyKey ID you would like (8 letters A-Z or digits 0-9), or let the terminal generate one.</source>
        <translation>ご希望のマイキーID（英大文字A～Z・数字0～9の8文字）を入力してください。自動で作成することもできます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="121"/>
        <source>Create this MyKey ID</source>
        <translation>このマイキーIDで作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="123"/>
        <source>Choose another</source>
        <translation>別のIDにする</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="127"/>
        <source>Please check your new MyKey ID. It cannot be changed later.</source>
        <translation>新しいマイキーIDをご確認ください。あとから変更することはできません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="145"/>
        <source>Print the slip</source>
        <translation>控えを印刷</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="151"/>
        <source>Your MyKey ID has been created.</source>
        <translation>マイキーIDを作成しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="171"/>
        <source>This card already has a MyKey ID.</source>
        <translation>このカードにはすでにマイキーIDがあります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="205"/>
        <source>Creating a MyKey ID needs the points cloud. Please try again when the terminal is online.</source>
        <translation>マイキーIDの作成にはポイントクラウドへの接続が必要です。端末がオンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="213"/>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="236"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="253"/>
        <source>%1 is available.</source>
        <translation>%1 は使えます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="240"/>
        <source>%1 is already in use. Please choose another.</source>
        <translation>%1 はすでに使われています。別のIDを選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="276"/>
        <source>Creating a MyKey ID needs the points cloud. Your choice %1 is kept; press &quot;Create&quot; again when the terminal is online.</source>
        <translation>マイキーIDの作成にはポイントクラウドへの接続が必要です。選んだ %1 はそのまま保持しています。オンラインになったら、もう一度「作成」を押してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="307"/>
        <source>Slip printed on %1 (copy: %2)</source>
        <translation>控えを %1 で印刷しました（控えのファイル：%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="310"/>
        <source>No printer is set up; the slip was saved as %1</source>
        <translation>プリンターが設定されていないため、控えをファイルに保存しました：%1</translation>
    </message>
</context>
<context>
    <name>DemoCardPanel</name>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="20"/>
        <source>DEMO: sample cards</source>
        <translation>デモ：サンプルカード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="30"/>
        <source>Place card</source>
        <translation>カードを置く</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="33"/>
        <source>Remove card</source>
        <translation>カードを取る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="36"/>
        <source>Sample card PINs (public test data): user certificate %1, card text %2.</source>
        <translation>サンプルカードの暗証番号（公開テストデータ）：利用者証明用 %1、券面事項入力補助用 %2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="38"/>
        <source>PINs of the sample cards are listed in the README.</source>
        <translation>サンプルカードの暗証番号はREADMEに記載しています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="50"/>
        <source>PIN locked</source>
        <translation>暗証番号ロック</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="52"/>
        <source>revoked certificate</source>
        <translation>失効した証明書</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="53"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/demo_panel.py" line="54"/>
        <source>no MyKey ID</source>
        <translation>マイキーIDなし</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="11"/>
        <source>The PIN is not correct.</source>
        <translation>暗証番号が違います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="12"/>
        <source>The PIN is locked after too many wrong tries. It can be unlocked only at the municipal office counter with photo identification.</source>
        <translation>暗証番号を続けて間違えたため、ロックされました。ロックの解除は、顔写真付きの本人確認書類をお持ちのうえ、市区町村の窓口でのみ行えます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="15"/>
        <source>Please enter the 4-digit PIN.</source>
        <translation>4桁の暗証番号を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="16"/>
        <source>No card on the reader. Please place your My Number Card.</source>
        <translation>カードが置かれていません。マイナンバーカードを置いてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="17"/>
        <source>The card was removed. Please place it again and start over.</source>
        <translation>カードが離れました。もう一度カードを置いて、最初からやり直してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="18"/>
        <source>This card is not a My Number Card.</source>
        <translation>このカードはマイナンバーカードではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="19"/>
        <source>The card reader is not connected. Please ask the staff.</source>
        <translation>カードリーダーが接続されていません。職員にお声がけください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="20"/>
        <source>The card did not answer in time. Please place it again.</source>
        <translation>カードの応答がありませんでした。カードを置き直してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="21"/>
        <source>The points cloud cannot be reached right now. What you entered is kept; please try again when the terminal is online.</source>
        <translation>現在ポイントクラウドに接続できません。入力した内容は保持しています。オンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="24"/>
        <source>The card&apos;s certificate has been revoked and can no longer be used. Please renew it at the municipal office.</source>
        <translation>カードの電子証明書は失効しているため使えません。市区町村の窓口で更新してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="27"/>
        <location filename="../../kiosk/ui/errors.py" line="28"/>
        <source>The card&apos;s certificate is not valid.</source>
        <translation>カードの電子証明書が有効ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="29"/>
        <source>The card could not be verified. Please try again.</source>
        <translation>カードを確認できませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="30"/>
        <source>The card check took too long. Please try again.</source>
        <translation>カードの確認に時間がかかりすぎました。もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="31"/>
        <source>The card check has expired. Please verify the card again.</source>
        <translation>カードの確認の有効期限が切れました。もう一度カードを確認してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="32"/>
        <source>A MyKey ID has 8 characters: letters A-Z and digits 0-9.</source>
        <translation>マイキーIDは英大文字（A～Z）と数字（0～9）の8文字です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="34"/>
        <source>This MyKey ID is already in use. Please choose another one.</source>
        <translation>このマイキーIDはすでに使われています。別のIDを選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="35"/>
        <source>No MyKey ID with this value exists.</source>
        <translation>このマイキーIDは登録されていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="36"/>
        <source>This card already has a MyKey ID.</source>
        <translation>このカードにはすでにマイキーIDがあります。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="37"/>
        <source>This MyKey ID is suspended.</source>
        <translation>このマイキーIDは停止中です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="38"/>
        <source>This MyKey ID is no longer valid.</source>
        <translation>このマイキーIDは無効になっています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="39"/>
        <source>This card has no MyKey ID yet. Please create one first.</source>
        <translation>このカードにはまだマイキーIDがありません。先にマイキーIDを作成してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="41"/>
        <source>Please agree to the reading of the card first.</source>
        <translation>先にカード情報の読み取りに同意してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="42"/>
        <source>The address on the card could not be matched to a municipality.</source>
        <translation>カードの住所から市区町村を判定できませんでした。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="44"/>
        <source>This card holds no user certificate. Please ask at the municipal counter.</source>
        <translation>このカードには利用者証明用電子証明書が入っていません。市区町村の窓口でご相談ください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="46"/>
        <source>Please choose a payment service from the list.</source>
        <translation>決済サービスを一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="47"/>
        <source>This customer ID is already registered for this business to another MyKey ID.</source>
        <translation>この顧客IDは、この事業者で別のマイキーIDに登録済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="49"/>
        <source>Please enter both the business ID and the customer ID.</source>
        <translation>事業者IDと顧客IDの両方を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="50"/>
        <source>The two entries are not the same. Please check them.</source>
        <translation>2回の入力が一致しません。ご確認ください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="51"/>
        <source>This measure has reached its capacity.</source>
        <translation>この施策は定員に達しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="52"/>
        <source>This measure is not open for applications now.</source>
        <translation>この施策は現在申込を受け付けていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="53"/>
        <source>This measure does not exist.</source>
        <translation>この施策は存在しません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="54"/>
        <source>The resident is not eligible for this measure.</source>
        <translation>この施策の対象ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="55"/>
        <source>This MyKey ID has already applied for this measure.</source>
        <translation>このマイキーIDはこの施策に申込済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="56"/>
        <source>These points were already granted to this MyKey ID under this programme.</source>
        <translation>このマイキーIDには、この付与事業のポイントを付与済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="58"/>
        <source>This resident is not registered for this event.</source>
        <translation>この方はこのイベントの参加登録がありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="59"/>
        <source>This grant programme does not exist.</source>
        <translation>この付与事業は存在しません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="60"/>
        <source>Please enter a number of points greater than zero.</source>
        <translation>1以上のポイント数を入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="61"/>
        <source>The staff code or password is not correct.</source>
        <translation>職員コードまたはパスワードが違います。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="62"/>
        <source>This terminal is not allowed to do that.</source>
        <translation>この端末ではその操作はできません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="63"/>
        <source>Something went wrong. Please ask the staff.</source>
        <translation>エラーが発生しました。職員にお声がけください。</translation>
    </message>
</context>
<context>
    <name>GrantScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="51"/>
        <source>Back to the counter menu</source>
        <translation>窓口メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="54"/>
        <source>Grant points</source>
        <translation>ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="62"/>
        <source>Attendance mode (出席登録): participants registered in advance receive their registered points when they tap the card</source>
        <translation>出席登録モード：事前登録された参加者は、カードをかざすと登録済みのポイントを受け取ります</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="65"/>
        <source>Start granting</source>
        <translation>付与を開始</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="69"/>
        <source>Choose the grant programme:</source>
        <translation>付与事業を選んでください：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="85"/>
        <source>MyKey ID (or tap the card)</source>
        <translation>マイキーID（またはカードをかざす）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="86"/>
        <source>Grant</source>
        <translation>付与する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="94"/>
        <source>Attendance: please tap your My Number Card on the reader. No PIN is needed.</source>
        <translation>出席登録：マイナンバーカードをカードリーダーにかざしてください。暗証番号の入力は不要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="109"/>
        <source>Change programme</source>
        <translation>付与事業を変更</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="113"/>
        <source>Points</source>
        <translation>ポイント数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="180"/>
        <source>%1 points</source>
        <translation>%1 ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="192"/>
        <source>Programme: %1</source>
        <translation>付与事業：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="194"/>
        <source>Attendance mode: registered participants are granted when they tap their card.</source>
        <translation>出席登録モード：事前登録された参加者はカードをかざすと自動で付与されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="209"/>
        <source>Identifying a card needs the points cloud. Offline, type the resident&apos;s MyKey ID instead: the grant is saved and sent later.</source>
        <translation>カードの確認にはポイントクラウドへの接続が必要です。オフラインの間は、マイキーIDを入力して付与してください（端末に保存し、後で送信します）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="242"/>
        <source>Attendance saved: it will be sent when online</source>
        <translation>出席を保存しました。オンラインになったら送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="244"/>
        <source>✔ Attendance recorded: %1 points granted to %2</source>
        <translation>✔ 出席を登録しました：%2 に %1 ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="247"/>
        <source>%1 points for %2: saved, will be sent when online</source>
        <translation>%2 への %1 ポイント：端末に保存しました。オンラインになると送信されます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="250"/>
        <source>✔ %1 points granted to %2</source>
        <translation>✔ %2 に %1 ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="260"/>
        <source>This session: %1 grants, %2 points</source>
        <translation>今回の付与：%1 件、%2 ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="273"/>
        <source>✔ last grant: %1 points</source>
        <translation>✔ 直前の付与：%1 ポイント</translation>
    </message>
</context>
<context>
    <name>IdentifyStep</name>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="29"/>
        <source>Please place your My Number Card on the reader.
Please keep the card on the reader until you are finished.</source>
        <translation>マイナンバーカードをカードリーダーに置いてください。
手続きが終わるまでカードは置いたままにしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="36"/>
        <source>Please enter the 4-digit PIN of your card&apos;s user certificate (利用者証明用電子証明書) yourself.</source>
        <translation>利用者証明用電子証明書の暗証番号（数字4桁）を、ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="40"/>
        <location filename="../../kiosk/ui/widgets/identify.py" line="102"/>
        <source>Checking the card… please do not remove it.</source>
        <translation>カードを確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="111"/>
        <source>Reading the card… please do not remove it.</source>
        <translation>カードを読んでいます…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="112"/>
        <source>Contacting the points cloud…</source>
        <translation>ポイントクラウドに接続しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="113"/>
        <source>The card is checking your PIN… please do not remove it.</source>
        <translation>カードが暗証番号を確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="114"/>
        <source>The points cloud is verifying the card…</source>
        <translation>ポイントクラウドでカードを確認しています…</translation>
    </message>
</context>
<context>
    <name>KioskStatusBar</name>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="31"/>
        <source>Cloud: checking…</source>
        <translation>クラウド：確認中…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="33"/>
        <source>Cloud: online</source>
        <translation>クラウド：オンライン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="35"/>
        <source>Cloud: OFFLINE</source>
        <translation>クラウド：オフライン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="36"/>
        <source>Cloud: OFFLINE — grants and applications are queued</source>
        <translation>クラウド：オフライン — 付与と申込は端末に保存して後で送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="37"/>
        <source>Queued: %1</source>
        <translation>未送信：%1件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="38"/>
        <source>Last sync: %1</source>
        <translation>最終同期：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="53"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="35"/>
        <source>MyKey ID (8 characters)</source>
        <translation>マイキーID（8文字）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="36"/>
        <source>Look up</source>
        <translation>照会</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="51"/>
        <source>Register service ID</source>
        <translation>サービスIDを登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="55"/>
        <source>Registered service IDs</source>
        <translation>登録済みのサービスID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="56"/>
        <source>Business ID</source>
        <translation>事業者ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="57"/>
        <source>Customer ID</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="58"/>
        <source>Customer ID (again)</source>
        <translation>顧客ID（確認のためもう一度）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="65"/>
        <source>Back to the counter menu</source>
        <translation>窓口メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="68"/>
        <source>Look up a MyKey ID / register service IDs</source>
        <translation>マイキーID照会・サービスID登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="104"/>
        <source>MyKey ID %1 — status: %2</source>
        <translation>マイキーID %1 — 状態：%2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="57"/>
        <location filename="../../kiosk/ui/main_window.py" line="104"/>
        <source>MyKey kiosk</source>
        <translation>マイキー窓口端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="57"/>
        <location filename="../../kiosk/ui/main_window.py" line="104"/>
        <source> — DEMO</source>
        <translation> — デモ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="150"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="154"/>
        <source>Logged in: %1</source>
        <translation>ログイン中：%1</translation>
    </message>
</context>
<context>
    <name>MeasureApplyScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="61"/>
        <source>Back to the counter menu</source>
        <translation>窓口メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="64"/>
        <source>Apply for a measure</source>
        <translation>施策への申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="75"/>
        <source>Apply for this measure</source>
        <translation>この施策に申し込む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="85"/>
        <source>Open measures and their conditions:</source>
        <translation>受付中の施策と条件：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="93"/>
        <source>I agree that the terminal reads my name, address, date of birth and sex from my card to check whether I can apply. They are not stored.</source>
        <translation>申込できるかを確認するため、カードから氏名・住所・生年月日・性別を読み取ることに同意します。読み取った情報は保存されません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="97"/>
        <source>I agree</source>
        <translation>同意します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="100"/>
        <source>Please enter the 4-digit PIN for the card&apos;s text information (券面事項入力補助用) yourself.</source>
        <translation>券面事項入力補助用の暗証番号（数字4桁）を、ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="134"/>
        <source>Next: choose the payment service</source>
        <translation>次へ：決済サービスを選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="150"/>
        <source>Caution: the payment service cannot be changed after the application is submitted. The points go only to this service.</source>
        <translation>ご注意：申込後に決済サービスを変更することはできません。ポイントはこの決済サービスにのみ付与されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="154"/>
        <source>I understand that this choice cannot be changed.</source>
        <translation>この選択は変更できないことを理解しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="156"/>
        <source>Submit the application</source>
        <translation>申し込む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="50"/>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="159"/>
        <source>Payment service</source>
        <translation>決済サービス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="49"/>
        <source>Card and PIN</source>
        <translation>カードと暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="49"/>
        <source>Choose a measure</source>
        <translation>施策を選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="49"/>
        <source>Consent and card PIN</source>
        <translation>同意と暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="50"/>
        <source>Eligibility</source>
        <translation>対象の確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="50"/>
        <source>Submitted</source>
        <translation>申込完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="160"/>
        <source>Payment service (choose again to confirm)</source>
        <translation>決済サービス（確認のためもう一度選択）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="178"/>
        <source>Check the review state again</source>
        <translation>審査状況をもう一度確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="266"/>
        <source>Address on the card: %1
Municipality: %2</source>
        <translation>カードの住所：%1
市区町村：%2</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="268"/>
        <source>not found</source>
        <translation>判定できません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="270"/>
        <source>Eligible for “%1”.</source>
        <translation>「%1」の対象です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="274"/>
        <source>Not eligible for “%1”.</source>
        <translation>「%1」の対象ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="280"/>
        <source>— choose again —</source>
        <translation>— もう一度選択 —</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="296"/>
        <source>Please confirm that the payment service cannot be changed.</source>
        <translation>決済サービスは変更できないことを確認してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="312"/>
        <source>Application number: %1</source>
        <translation>申込番号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="313"/>
        <source>The application is saved on this terminal and will be sent to the points cloud automatically.</source>
        <translation>申込はこの端末に保存しました。ポイントクラウドへ自動で送信されます。</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="12"/>
        <source>The application period has not started yet.</source>
        <translation>申込期間はまだ始まっていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="13"/>
        <source>The application period has ended.</source>
        <translation>申込期間は終了しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="14"/>
        <source>The measure has reached its capacity.</source>
        <translation>定員に達しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="15"/>
        <source>This MyKey ID has already applied.</source>
        <translation>このマイキーIDは申込済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="16"/>
        <source>The MyKey ID is not valid.</source>
        <translation>マイキーIDが有効ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="17"/>
        <source>The address on the card could not be matched to a municipality.</source>
        <translation>カードの住所から市区町村を判定できませんでした。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="19"/>
        <source>The address on the card is not in this municipality.</source>
        <translation>カードの住所がこの市区町村ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="20"/>
        <source>This MyKey ID is not on the list of eligible residents.</source>
        <translation>このマイキーIDは対象者名簿に登録されていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="31"/>
        <source>%1 points per person</source>
        <translation>1人 %1 ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="33"/>
        <source>open to every applicant</source>
        <translation>どなたでも申込可（制限なし）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="35"/>
        <source>residents only (checked from the address on the card)</source>
        <translation>市民限定（カードの住所で確認）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="37"/>
        <source>pre-registered residents only</source>
        <translation>事前登録者のみ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="39"/>
        <source>capacity %1</source>
        <translation>定員 %1 名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="41"/>
        <source>capacity %1 (%2 places left)</source>
        <translation>定員 %1 名（残り %2 名）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="43"/>
        <source>review after applying</source>
        <translation>申込後に審査（事後審査）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="44"/>
        <source>reviewed before applying</source>
        <translation>事前審査済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="45"/>
        <source>until %1</source>
        <translation>%1 まで</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="28"/>
        <source>Please enter your 4-digit PIN yourself.</source>
        <translation>4桁の暗証番号を、ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="51"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="58"/>
        <source>Delete one digit</source>
        <translation>1文字消す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="61"/>
        <source>OK</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="65"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="163"/>
        <source>Tries left: %n</source>
        <translation>
            <numerusform>残り %n 回</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="165"/>
        <source>The PIN is locked. It can be unlocked only at the municipal office counter with photo identification.</source>
        <translation>暗証番号はロックされています。顔写真付きの本人確認書類をお持ちのうえ、市区町村の窓口でロックを解除してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="169"/>
        <source>Caution: this is the LAST try. If this PIN is wrong, the card&apos;s PIN will be locked and can only be unlocked at the municipal office.</source>
        <translation>ご注意：次が最後の入力です。間違えると暗証番号がロックされ、市区町村の窓口でしか解除できなくなります。</translation>
    </message>
</context>
<context>
    <name>PlaceholderHome</name>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="55"/>
        <source>This part of the terminal is not built yet. It will offer: %1</source>
        <translation>この画面はまだ作成されていません。今後、次の機能を提供します：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="59"/>
        <source>Back to the role chooser</source>
        <translation>役割の選択に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="70"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="70"/>
        <source>card payments with the resident&apos;s PIN, voucher QR redemption, offline work and the day-end settlement.</source>
        <translation>暗証番号によるカード決済、ポイント券QRの消込、オフライン時の運用、日次精算。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="73"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="73"/>
        <source>issuing and printing point vouchers, batch reconciliation of paper vouchers, voiding and settlement reports.</source>
        <translation>ポイント券の発行・印刷、紙のポイント券の一括消込、無効化、精算レポート。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="76"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="76"/>
        <source>grant programmes, measures, shops and voucher rules, and monthly/yearly reports.</source>
        <translation>付与事業・施策・店舗・ポイント券ルールの設定、月次・年次の集計レポート。</translation>
    </message>
</context>
<context>
    <name>ResidentBanner</name>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="34"/>
        <location filename="../../kiosk/ui/widgets/banner.py" line="62"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="37"/>
        <location filename="../../kiosk/ui/widgets/banner.py" line="63"/>
        <source>Log out</source>
        <translation>ログアウト</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="57"/>
        <source>No activity: the screen will be cleared in %1 s</source>
        <translation>操作がないため、あと %1 秒で画面を消去します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="77"/>
        <source>No resident is being served</source>
        <translation>対応中の住民はいません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="82"/>
        <source>MyKey ID %1</source>
        <translation>マイキーID %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="84"/>
        <source>no MyKey ID yet</source>
        <translation>マイキーIDなし</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="86"/>
        <source>card placed (not yet verified)</source>
        <translation>カードあり（未確認）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/banner.py" line="87"/>
        <source>Serving: %1</source>
        <translation>対応中：%1</translation>
    </message>
</context>
<context>
    <name>ResidentDisplay</name>
    <message>
        <location filename="../../kiosk/ui/resident_display.py" line="22"/>
        <source>Resident screen</source>
        <translation>お客様用画面</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/resident_display.py" line="23"/>
        <source>Welcome. Please follow the clerk&apos;s guidance.</source>
        <translation>いらっしゃいませ。職員の案内に沿ってお進みください。</translation>
    </message>
</context>
<context>
    <name>ResidentSlot</name>
    <message>
        <location filename="../../kiosk/ui/resident_display.py" line="64"/>
        <source>The resident is doing this step on the screen facing them.</source>
        <translation>お客様用の画面で、ご本人が操作しています。</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="19"/>
        <source>Municipal counter</source>
        <translation>市区町村窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="19"/>
        <source>MyKey IDs, measures, point grants</source>
        <translation>マイキーID・施策申込・ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="20"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="20"/>
        <source>Card payments and voucher redemption</source>
        <translation>カード決済・ポイント券の消込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="21"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="21"/>
        <source>Voucher issue and reconciliation</source>
        <translation>ポイント券の発行・消込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="22"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="22"/>
        <source>Programmes, measures, reports</source>
        <translation>付与事業・施策・集計</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="35"/>
        <source>Choose the terminal&apos;s role</source>
        <translation>端末の役割を選んでください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="37"/>
        <source>Demo mode: everything runs on this computer with sample residents&apos; cards. Use the demo panel to place or remove a sample card.</source>
        <translation>デモモード：すべてこのパソコンの中で、サンプル住民のカードを使って動きます。右のデモパネルでサンプルカードを置いたり取ったりできます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="42"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../kiosk/config.py" line="31"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="32"/>
        <source>Terminal role</source>
        <translation>端末の役割</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="34"/>
        <source>Points cloud address</source>
        <translation>ポイントクラウドのアドレス</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="35"/>
        <source>Card reader backend</source>
        <translation>カードリーダーの種類</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="37"/>
        <source>Idle time before the resident is cleared (seconds)</source>
        <translation>操作がないときに住民情報を消去するまでの時間（秒）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="38"/>
        <source>Large text</source>
        <translation>大きな文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="39"/>
        <source>Confirmation sound</source>
        <translation>確認音</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="40"/>
        <source>Full-screen kiosk mode</source>
        <translation>全画面キオスクモード</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="42"/>
        <source>Second screen facing the resident (PIN pad, consent)</source>
        <translation>お客様用の2画面目（暗証番号・同意の入力）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="51"/>
        <source>Municipal counter</source>
        <translation>市区町村窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="52"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="53"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="54"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="55"/>
        <source>Simulated reader (demo, tests)</source>
        <translation>シミュレーション（デモ・テスト用）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="56"/>
        <source>PC/SC reader (contact or contactless)</source>
        <translation>PC/SC カードリーダー（接触・非接触）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="57"/>
        <source>Sony RC-S380 via nfcpy</source>
        <translation>Sony RC-S380（nfcpy）</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="54"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="57"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="60"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>Slip</name>
    <message>
        <location filename="../../kiosk/ui/counter/slip.py" line="37"/>
        <source>Your MyKey ID</source>
        <translation>あなたのマイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/slip.py" line="39"/>
        <source>Keep this slip. You need the MyKey ID and your My Number Card to use municipal points.</source>
        <translation>この控えは大切に保管してください。自治体ポイントのご利用には、マイキーIDとマイナンバーカードが必要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/slip.py" line="41"/>
        <source>Issued: %1</source>
        <translation>発行日時：%1</translation>
    </message>
</context>
<context>
    <name>StaffLogin</name>
    <message>
        <location filename="../../kiosk/ui/login.py" line="25"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="30"/>
        <source>Staff code</source>
        <translation>職員コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="31"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="32"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="35"/>
        <source>Staff login</source>
        <translation>職員ログイン</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="10"/>
        <source>valid</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="11"/>
        <source>invalid</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="12"/>
        <source>suspended</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="13"/>
        <source>approved: the points will be granted</source>
        <translation>承認済み：ポイントが付与されます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="14"/>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="15"/>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="17"/>
        <source>submitted: waiting for the municipality&apos;s review</source>
        <translation>申込済み：市区町村の審査待ちです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="16"/>
        <source>submitted</source>
        <translation>申込済み</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="18"/>
        <source>approved: the points have been granted</source>
        <translation>承認済み：ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="19"/>
        <source>not approved</source>
        <translation>不承認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/status_text.py" line="20"/>
        <source>saved on this terminal: it will be sent when the terminal is online</source>
        <translation>端末に保存済み：オンラインになると送信されます</translation>
    </message>
</context>
</TS>
