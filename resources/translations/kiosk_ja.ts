<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Businesses</name>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="13"/>
        <source>City library</source>
        <translation>市立図書館</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="14"/>
        <source>City sports centre</source>
        <translation>市総合体育館</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="15"/>
        <source>Community bus</source>
        <translation>コミュニティバス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/businesses.py" line="16"/>
        <source>Health check-up centre</source>
        <translation>健康診査センター</translation>
    </message>
</context>
<context>
    <name>CounterHome</name>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="24"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDの作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="24"/>
        <source>The resident places the card and chooses an ID</source>
        <translation>住民の方がカードを置き、IDを決めます</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="25"/>
        <source>Look up a MyKey ID / service IDs</source>
        <translation>マイキーID照会・サービスID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="25"/>
        <source>Status and service ID registration</source>
        <translation>状態の確認とサービスIDの登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="26"/>
        <source>Apply for a measure</source>
        <translation>施策への申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="26"/>
        <source>Eligibility, payment service, submission</source>
        <translation>対象確認・決済サービス選択・申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="27"/>
        <source>Grant points</source>
        <translation>ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="27"/>
        <source>Programme grants and event attendance</source>
        <translation>付与事業・イベント出席</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/home.py" line="41"/>
        <source>Counter</source>
        <translation>窓口</translation>
    </message>
</context>
<context>
    <name>CreateMyKeyScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="144"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="149"/>
        <source>Try again</source>
        <translation>もう一度試す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="47"/>
        <source>Place the card</source>
        <translation>カードを置く</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="47"/>
        <source>PIN</source>
        <translation>暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="47"/>
        <source>Choose an ID</source>
        <translation>IDを決める</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="47"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="48"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="60"/>
        <source>MyKey ID (8 letters A-Z or digits 0-9)</source>
        <translation>マイキーID（英字A〜Zと数字0〜9で8文字）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="60"/>
        <source>e.g. AB12CD34</source>
        <translation>例：AB12CD34</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="82"/>
        <source>Please type the MyKey ID you would like, or let the terminal generate one.</source>
        <translation>ご希望のマイキーIDを入力するか、端末に自動で作らせてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="56"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDの作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="68"/>
        <source>Check availability</source>
        <translation>使えるか確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="70"/>
        <source>Generate one for me</source>
        <translation>自動で作成する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="72"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="89"/>
        <source>Create this MyKey ID</source>
        <translation>このマイキーIDで作成</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="91"/>
        <source>Choose another</source>
        <translation>別のIDにする</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="93"/>
        <source>Please check your new MyKey ID. It cannot be changed later.</source>
        <translation>新しいマイキーIDをご確認ください。あとから変更することはできません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="128"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="142"/>
        <source>Offline: a MyKey ID cannot be created now</source>
        <translation>オフラインのため、いまはマイキーIDを作成できません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="129"/>
        <source>Creating a MyKey ID needs the points cloud. Please start again when the status line says online.</source>
        <translation>マイキーIDの作成にはポイントクラウドへの接続が必要です。下の状態表示が「オンライン」になってから始めてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="131"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="139"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="166"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="132"/>
        <source>Check again</source>
        <translation>もう一度確かめる</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="154"/>
        <source>The PIN of this card is locked</source>
        <translation>このカードの暗証番号はロックされています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="155"/>
        <source>The PIN can be reset with photo identification at the municipality&apos;s My Number Card desk. The staff will show you the way.</source>
        <translation>暗証番号は、市区町村のマイナンバーカード窓口で写真付きの本人確認書類により再設定できます。係員がご案内します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="164"/>
        <source>This card already has a MyKey ID</source>
        <translation>このカードにはマイキーIDがあります</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="167"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="249"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="225"/>
        <source>Offline: the MyKey ID was not created</source>
        <translation>オフラインのため、マイキーIDは作成されていません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="226"/>
        <source>The points cloud cannot be reached. The choice %1 is kept: press &quot;Create&quot; again when the terminal is online.</source>
        <translation>ポイントクラウドに接続できません。選んだ %1 はそのまま残っています。オンラインに戻ったら、もう一度「作成」を押してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="228"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="245"/>
        <source>The MyKey ID has been created</source>
        <translation>マイキーIDを作成しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="246"/>
        <source>Please keep the slip: the MyKey ID and the card are needed to use municipal points.</source>
        <translation>控えを保管してください。ポイントの利用にはマイキーIDとカードが必要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="248"/>
        <source>Print the slip</source>
        <translation>控えを印刷</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="143"/>
        <source>Creating a MyKey ID needs the points cloud. Please try again when the terminal is online.</source>
        <translation>マイキーIDの作成にはポイントクラウドへの接続が必要です。端末がオンラインになってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="165"/>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="186"/>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="204"/>
        <source>%1 is available.</source>
        <translation>%1 は使えます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="189"/>
        <source>%1 is already in use. Please choose another.</source>
        <translation>%1 はすでに使われています。別のIDを選んでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="274"/>
        <source>Slip printed on %1 (copy: %2)</source>
        <translation>控えを %1 で印刷しました（控えのファイル：%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/create_mykey.py" line="277"/>
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
    <name>Format</name>
    <message>
        <location filename="../../kiosk/ui/design/format.py" line="28"/>
        <source>%1 points</source>
        <translation>%1 ポイント</translation>
    </message>
</context>
<context>
    <name>GrantScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="48"/>
        <source>Grant points</source>
        <translation>ポイント付与</translation>
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
        <location filename="../../kiosk/ui/counter/grant.py" line="92"/>
        <source>Grant</source>
        <translation>付与する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="110"/>
        <source>Attendance: please tap your My Number Card on the reader. No PIN is needed.</source>
        <translation>出席登録：マイナンバーカードをカードリーダーにかざしてください。暗証番号の入力は不要です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="76"/>
        <source>Change programme</source>
        <translation>付与事業を変更</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="52"/>
        <source>once a day per person</source>
        <translation>1人1日1回まで</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="52"/>
        <source>once per person</source>
        <translation>1人1回まで</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="53"/>
        <source>no repeat limit</source>
        <translation>回数制限なし</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="61"/>
        <source>Grant (card and PIN, or MyKey ID)</source>
        <translation>通常の付与（カードと暗証番号、またはマイキーID）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="62"/>
        <source>Attendance (出席登録): tap only, registered participants</source>
        <translation>出席登録（事前登録者がカードをかざすだけ）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="70"/>
        <source>Mode</source>
        <translation>付与の方法</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="87"/>
        <source>MyKey ID</source>
        <translation>マイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="87"/>
        <source>8 characters</source>
        <translation>8文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="98"/>
        <source>Grant by MyKey ID</source>
        <translation>マイキーIDで付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="99"/>
        <source>Points</source>
        <translation>ポイント数</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="155"/>
        <source>Offline: a card cannot be checked now.</source>
        <translation>オフラインのため、いまはカードで本人確認できません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="156"/>
        <source>Please type the resident&apos;s MyKey ID on the left: the grant is saved and sent later.</source>
        <translation>左の欄に住民の方のマイキーIDを入力してください。付与は端末に保存され、あとで送信されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="159"/>
        <source>Or: the resident places the My Number Card and types the PIN.</source>
        <translation>または：住民の方がマイナンバーカードを置き、暗証番号を入力します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="160"/>
        <source>Please keep the card on the reader until you are finished.</source>
        <translation>終わるまでカードを置いたままにしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="194"/>
        <source> — attendance mode</source>
        <translation>（出席登録）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="265"/>
        <source>Points saved: they will be sent when online</source>
        <translation>ポイントを端末に保存しました。オンラインになったら送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="268"/>
        <source>Attendance recorded: points granted</source>
        <translation>出席を登録し、ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="271"/>
        <source>Points granted</source>
        <translation>ポイントを付与しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="218"/>
        <source>Identifying a card needs the points cloud. Offline, type the resident&apos;s MyKey ID instead: the grant is saved and sent later.</source>
        <translation>カードの確認にはポイントクラウドへの接続が必要です。オフラインの間は、マイキーIDを入力して付与してください（端末に保存し、後で送信します）。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="242"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="261"/>
        <source>MyKey ID %1</source>
        <translation>マイキーID %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="263"/>
        <source>Attendance saved: it will be sent when online</source>
        <translation>出席を保存しました。オンラインになったら送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/grant.py" line="281"/>
        <source>This session: %1 grants, %2 points</source>
        <translation>今回の付与：%1 件、%2 ポイント</translation>
    </message>
</context>
<context>
    <name>Headlines</name>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="86"/>
        <source>Wrong PIN</source>
        <translation>暗証番号が違います</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="87"/>
        <source>The PIN is locked</source>
        <translation>暗証番号がロックされています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="88"/>
        <source>Offline</source>
        <translation>オフラインです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="89"/>
        <source>The certificate is revoked</source>
        <translation>証明書が失効しています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="90"/>
        <location filename="../../kiosk/ui/errors.py" line="91"/>
        <location filename="../../kiosk/ui/errors.py" line="92"/>
        <location filename="../../kiosk/ui/errors.py" line="93"/>
        <source>The card cannot be used</source>
        <translation>このカードは使えません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="94"/>
        <source>The card was removed</source>
        <translation>カードが取り外されました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="95"/>
        <source>No card</source>
        <translation>カードがありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="96"/>
        <source>No card reader</source>
        <translation>カードリーダーがありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="97"/>
        <source>Already in use</source>
        <translation>すでに使われています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="98"/>
        <source>Not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="99"/>
        <source>Not a MyKey ID</source>
        <translation>マイキーIDの形ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="100"/>
        <source>No MyKey ID yet</source>
        <translation>マイキーIDがまだありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="101"/>
        <source>Already granted</source>
        <translation>付与済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="102"/>
        <source>Not registered</source>
        <translation>参加登録がありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="103"/>
        <source>Not eligible</source>
        <translation>対象ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="104"/>
        <source>Already applied</source>
        <translation>申込済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="105"/>
        <source>No places left</source>
        <translation>定員に達しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="106"/>
        <source>Already registered</source>
        <translation>登録済みです</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/errors.py" line="115"/>
        <location filename="../../kiosk/ui/screen.py" line="104"/>
        <source>This did not work</source>
        <translation>できませんでした</translation>
    </message>
</context>
<context>
    <name>IdentifyStep</name>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="32"/>
        <source>Please place your My Number Card on the reader.</source>
        <translation>マイナンバーカードをカードリーダーに置いてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="33"/>
        <source>Please keep the card on the reader until you are finished.</source>
        <translation>終わるまでカードを置いたままにしてください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="44"/>
        <source>The 4-digit PIN of the card&apos;s user certificate (利用者証明用電子証明書)</source>
        <translation>利用者証明用電子証明書の暗証番号（数字4桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="45"/>
        <source>To confirm that you are the card&apos;s holder. Please type it yourself.</source>
        <translation>ご本人の確認のためです。ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="48"/>
        <location filename="../../kiosk/ui/widgets/identify.py" line="120"/>
        <source>Checking the card… please do not remove it.</source>
        <translation>カードを確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="129"/>
        <source>Reading the card… please do not remove it.</source>
        <translation>カードを読んでいます…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="130"/>
        <source>Contacting the points cloud…</source>
        <translation>ポイントクラウドに接続しています…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="131"/>
        <source>The card is checking your PIN… please do not remove it.</source>
        <translation>カードが暗証番号を確認しています…カードを動かさないでください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/identify.py" line="132"/>
        <source>The points cloud is verifying the card…</source>
        <translation>ポイントクラウドでカードを確認しています…</translation>
    </message>
</context>
<context>
    <name>KioskStatusBar</name>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="34"/>
        <source>Cloud: checking…</source>
        <translation>クラウド：確認中…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="36"/>
        <source>Cloud: online</source>
        <translation>クラウド：オンライン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="38"/>
        <source>Cloud: OFFLINE</source>
        <translation>クラウド：オフライン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="39"/>
        <source>Cloud: OFFLINE — grants and applications are queued</source>
        <translation>クラウド：オフライン — 付与と申込は端末に保存して後で送信します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="40"/>
        <source>Queued: %1</source>
        <translation>未送信：%1件</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="41"/>
        <source>Last sync: %1</source>
        <translation>最終同期：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/statusbar.py" line="56"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
</context>
<context>
    <name>LookupScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="72"/>
        <source>Look up</source>
        <translation>照会</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="113"/>
        <source>Register service ID</source>
        <translation>サービスIDを登録</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="84"/>
        <source>Registered service IDs</source>
        <translation>登録済みのサービスID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="68"/>
        <source>MyKey ID</source>
        <translation>マイキーID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="68"/>
        <source>8 characters</source>
        <translation>8文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="99"/>
        <source>Another business</source>
        <translation>その他の事業者</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="101"/>
        <source>Business ID</source>
        <translation>事業者ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="101"/>
        <source>as printed on the business&apos;s form</source>
        <translation>事業者の申込書に記載の番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="105"/>
        <source>Customer ID</source>
        <translation>顧客ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="108"/>
        <source>Customer ID (again)</source>
        <translation>顧客ID（確認のためもう一度）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="118"/>
        <source>Register a service ID</source>
        <translation>サービスIDを登録する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="167"/>
        <source>Found</source>
        <translation>見つかりました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="169"/>
        <source>Status: %1</source>
        <translation>状態：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="196"/>
        <source>Both entries are the same.</source>
        <translation>2回の入力が一致しています。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="216"/>
        <source>The service ID has been registered</source>
        <translation>サービスIDを登録しました</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="218"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="130"/>
        <source>Look up a MyKey ID / register service IDs</source>
        <translation>マイキーID照会・サービスID登録</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="77"/>
        <location filename="../../kiosk/ui/main_window.py" line="126"/>
        <source>MyKey kiosk</source>
        <translation>マイキー窓口端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="77"/>
        <location filename="../../kiosk/ui/main_window.py" line="126"/>
        <source> — DEMO</source>
        <translation> — デモ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="199"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="203"/>
        <source>Logged in: %1</source>
        <translation>ログイン中：%1</translation>
    </message>
</context>
<context>
    <name>MeasureApplyScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="42"/>
        <source>Confirm</source>
        <translation>確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="53"/>
        <source>Apply for a measure</source>
        <translation>施策への申込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="60"/>
        <source>Apply for this measure</source>
        <translation>この施策に申し込む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="65"/>
        <source>Open measures and their conditions:</source>
        <translation>受付中の施策と条件：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="70"/>
        <source>I agree that the terminal reads my name, address, date of birth and sex from my card to check whether I can apply. They are not stored.</source>
        <translation>申込できるかを確認するため、カードから氏名・住所・生年月日・性別を読み取ることに同意します。読み取った情報は保存されません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="72"/>
        <source>I agree</source>
        <translation>同意します</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="74"/>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="101"/>
        <source>Next</source>
        <translation>次へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="77"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="86"/>
        <source>The 4-digit PIN for the card&apos;s text information (券面事項入力補助用)</source>
        <translation>券面事項入力補助用の暗証番号（数字4桁）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="87"/>
        <source>To read your address for this application. Please type it yourself.</source>
        <translation>この申込のため、ご住所を読み取ります。ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="106"/>
        <source>Where should the points go? Choose the payment service:</source>
        <translation>ポイントを受け取る決済サービスを選んでください：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="119"/>
        <source>⚠ The payment service cannot be changed after the application is submitted. The points go only to this service.</source>
        <translation>⚠ 申込のあとで決済サービスは変更できません。ポイントはこのサービスにだけ付与されます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="123"/>
        <source>Change the payment service</source>
        <translation>決済サービスを選び直す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="125"/>
        <source>Please check the application:</source>
        <translation>申込内容をご確認ください：</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="142"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="145"/>
        <source>Next resident</source>
        <translation>次の方へ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="148"/>
        <source>Try again</source>
        <translation>もう一度</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="157"/>
        <source>Create a MyKey ID</source>
        <translation>マイキーIDを作成する</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="216"/>
        <source>The PIN for the card&apos;s text information is locked</source>
        <translation>券面事項入力補助用の暗証番号がロックされています</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="217"/>
        <source>It can be reset with photo identification at the municipality&apos;s My Number Card desk. The staff will show you the way.</source>
        <translation>市区町村のマイナンバーカード窓口で、写真付きの本人確認書類により再設定できます。係員がご案内します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="231"/>
        <source>Address on the card: %1 (%2)</source>
        <translation>カードの住所：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="232"/>
        <source>municipality not found</source>
        <translation>市区町村が見つかりません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="235"/>
        <source>Not eligible for “%1”</source>
        <translation>「%1」の対象ではありません</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="237"/>
        <source>Choose another measure</source>
        <translation>別の施策を選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="260"/>
        <source>Measure: %1</source>
        <translation>施策：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="121"/>
        <source>Submit the application</source>
        <translation>申し込む</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="42"/>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="117"/>
        <source>Payment service</source>
        <translation>決済サービス</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="41"/>
        <source>Card and PIN</source>
        <translation>カードと暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="41"/>
        <source>Choose a measure</source>
        <translation>施策を選ぶ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="41"/>
        <source>Consent and card PIN</source>
        <translation>同意と暗証番号</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="42"/>
        <source>Submitted</source>
        <translation>申込完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="289"/>
        <source>Check the review state again</source>
        <translation>審査状況をもう一度確認</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="240"/>
        <source>Eligible for “%1”.</source>
        <translation>「%1」の対象です。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="283"/>
        <source>Application number: %1</source>
        <translation>申込番号：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_apply.py" line="285"/>
        <source>The application is saved on this terminal and will be sent to the points cloud automatically.</source>
        <translation>申込はこの端末に保存しました。ポイントクラウドへ自動で送信されます。</translation>
    </message>
</context>
<context>
    <name>Measures</name>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="13"/>
        <source>The application period has not started yet.</source>
        <translation>申込期間はまだ始まっていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="14"/>
        <source>The application period has ended.</source>
        <translation>申込期間は終了しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="15"/>
        <source>The measure has reached its capacity.</source>
        <translation>定員に達しました。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="16"/>
        <source>This MyKey ID has already applied.</source>
        <translation>このマイキーIDは申込済みです。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="17"/>
        <source>The MyKey ID is not valid.</source>
        <translation>マイキーIDが有効ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="18"/>
        <source>The address on the card could not be matched to a municipality.</source>
        <translation>カードの住所から市区町村を判定できませんでした。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="20"/>
        <source>The address on the card is not in this municipality.</source>
        <translation>カードの住所がこの市区町村ではありません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="21"/>
        <source>This MyKey ID is not on the list of eligible residents.</source>
        <translation>このマイキーIDは対象者名簿に登録されていません。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="33"/>
        <source>%1 points per person</source>
        <translation>1人 %1 ポイント</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="35"/>
        <source>open to every applicant</source>
        <translation>どなたでも申込可（制限なし）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="37"/>
        <source>residents only (checked from the address on the card)</source>
        <translation>市民限定（カードの住所で確認）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="39"/>
        <source>pre-registered residents only</source>
        <translation>事前登録者のみ</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="41"/>
        <source>capacity %1</source>
        <translation>定員 %1 名</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="43"/>
        <source>capacity %1 (%2 places left)</source>
        <translation>定員 %1 名（残り %2 名）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="45"/>
        <source>apply by %1</source>
        <translation>申込期限 %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="46"/>
        <source>review after applying</source>
        <translation>申込後に審査（事後審査）</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/measure_text.py" line="47"/>
        <source>reviewed before applying</source>
        <translation>事前審査済み</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="31"/>
        <source>Please enter your 4-digit PIN yourself.</source>
        <translation>4桁の暗証番号を、ご自身で入力してください。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="52"/>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="57"/>
        <source>Delete one digit</source>
        <translation>1文字消す</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="63"/>
        <source>OK</source>
        <translation>決定</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="185"/>
        <source>%n tries left</source>
        <translation>
            <numerusform>あと%n回入力できます</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="187"/>
        <source>The PIN is locked. It can be reset with photo identification at the municipality&apos;s My Number Card desk; the staff will show you the way.</source>
        <translation>暗証番号がロックされています。市区町村のマイナンバーカード窓口で、写真付きの本人確認書類により再設定できます。係員がご案内します。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="191"/>
        <source>⚠ Last try: if this PIN is wrong too, the PIN will be locked.</source>
        <translation>⚠ 最後の1回です。間違えると暗証番号がロックされます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/widgets/pinpad.py" line="60"/>
        <source>Cancel</source>
        <translation>やめる</translation>
    </message>
</context>
<context>
    <name>PlaceholderHome</name>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="60"/>
        <source>This part of the terminal is not built yet. It will offer: %1</source>
        <translation>この画面はまだ作成されていません。今後、次の機能を提供します：%1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="73"/>
        <source>Back to the role chooser</source>
        <translation>役割の選択に戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="78"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="78"/>
        <source>card payments with the resident&apos;s PIN, voucher QR redemption, offline work and the day-end settlement.</source>
        <translation>暗証番号によるカード決済、ポイント券QRの消込、オフライン時の運用、日次精算。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="81"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="81"/>
        <source>issuing and printing point vouchers, batch reconciliation of paper vouchers, voiding and settlement reports.</source>
        <translation>ポイント券の発行・印刷、紙のポイント券の一括消込、無効化、精算レポート。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="84"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="84"/>
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
    <name>Result</name>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="19"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="20"/>
        <source>Saved on this terminal</source>
        <translation>端末に保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="21"/>
        <source>Please note</source>
        <translation>ご確認ください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/design/result_panel.py" line="22"/>
        <source>Not possible</source>
        <translation>できません</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="22"/>
        <source>Municipal counter</source>
        <translation>市区町村窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="22"/>
        <source>MyKey IDs, measures, point grants</source>
        <translation>マイキーID・施策申込・ポイント付与</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="23"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="23"/>
        <source>Card payments and voucher redemption</source>
        <translation>カード決済・ポイント券の消込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="24"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="24"/>
        <source>Voucher issue and reconciliation</source>
        <translation>ポイント券の発行・消込</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="25"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="25"/>
        <source>Programmes, measures, reports</source>
        <translation>付与事業・施策・集計</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="48"/>
        <source>Choose the terminal&apos;s role</source>
        <translation>端末の役割を選んでください</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="41"/>
        <source>Demo mode: everything runs on this computer with sample residents&apos; cards. Use the demo panel to place or remove a sample card.</source>
        <translation>デモモード：すべてこのパソコンの中で、サンプル住民のカードを使って動きます。右のデモパネルでサンプルカードを置いたり取ったりできます。</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/roles.py" line="44"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
</context>
<context>
    <name>Screen</name>
    <message>
        <location filename="../../kiosk/ui/screen.py" line="65"/>
        <source>Back to the menu</source>
        <translation>メニューに戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/screen.py" line="106"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
</context>
<context>
    <name>ServiceList</name>
    <message>
        <location filename="../../kiosk/ui/counter/lookup.py" line="36"/>
        <source>No service IDs registered yet.</source>
        <translation>登録されたサービスIDはまだありません。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../kiosk/config.py" line="33"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="34"/>
        <source>Terminal role</source>
        <translation>端末の役割</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="36"/>
        <source>Points cloud address</source>
        <translation>ポイントクラウドのアドレス</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="37"/>
        <source>Card reader backend</source>
        <translation>カードリーダーの種類</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="39"/>
        <source>Idle time before the resident is cleared (seconds)</source>
        <translation>操作がないときに住民情報を消去するまでの時間（秒）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="40"/>
        <source>Large text</source>
        <translation>大きな文字</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="41"/>
        <source>High contrast</source>
        <translation>ハイコントラスト</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="42"/>
        <source>Confirmation sound</source>
        <translation>確認音</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="43"/>
        <source>Full-screen kiosk mode</source>
        <translation>全画面キオスクモード</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="45"/>
        <source>Second screen facing the resident (PIN pad, consent)</source>
        <translation>お客様用の2画面目（暗証番号・同意の入力）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="54"/>
        <source>Municipal counter</source>
        <translation>市区町村窓口</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="55"/>
        <source>Store</source>
        <translation>店舗</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="56"/>
        <source>Commerce-association office</source>
        <translation>商店街事務局</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="57"/>
        <source>Administration</source>
        <translation>総合管理</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="58"/>
        <source>Simulated reader (demo, tests)</source>
        <translation>シミュレーション（デモ・テスト用）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="59"/>
        <source>PC/SC reader (contact or contactless)</source>
        <translation>PC/SC カードリーダー（接触・非接触）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="60"/>
        <source>Sony RC-S380 via nfcpy</source>
        <translation>Sony RC-S380（nfcpy）</translation>
    </message>
    <message>
        <location filename="../../kiosk/config.py" line="152"/>
        <source>The points cloud address must start with https:// (http:// only for this computer, e.g. http://127.0.0.1).</source>
        <translation>ポイントクラウドのアドレスは https:// で始めてください（http:// はこのコンピューター自身、例えば http://127.0.0.1 のときだけ使えます）。</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="70"/>
        <source>Screen and sound</source>
        <translation>画面と音</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="70"/>
        <source>Terminal</source>
        <translation>端末</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="73"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="83"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="83"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="94"/>
        <source>On</source>
        <translation>オン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings.py" line="94"/>
        <source>Off</source>
        <translation>オフ</translation>
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
        <location filename="../../kiosk/ui/login.py" line="30"/>
        <source>Log in</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="23"/>
        <source>Staff code</source>
        <translation>職員コード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="26"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="49"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/login.py" line="49"/>
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
