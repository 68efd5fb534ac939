"""워크숍 방의 한국어 메시지: 방에 들어가기(참가자)와 강사 페이지."""

MESSAGES = {
    # ---- 잘못될 수 있는 것 (playground.rooms.errors의 키) ---------------------------------------
    "rooms.error": "방에 문제가 생겼습니다. 다시 해 보세요.",
    "rooms.unknown_code": "이 코드의 방이 없습니다. 강사에게 코드를 확인하세요: `7K3M-Q9XA-W2HD`처럼 "
    "글자와 숫자 12개입니다.",
    "rooms.expired": "이 방은 기간이 끝났습니다. 강사에게 지금 열린 방의 코드를 물어보세요.",
    "rooms.closed": "이 방은 닫혔습니다: 결과를 볼 수는 있지만 더는 바꿀 수 없습니다.",
    "rooms.full": "이 방은 가득 찼습니다 (참가자 {max}명). 강사에게 다른 방을 물어보세요.",
    "rooms.name_empty": "방에 들어가려면 이름을 입력하세요.",
    "rooms.name_control": "이름에는 줄바꿈, 탭 같은 제어 문자를 쓸 수 없습니다.",
    "rooms.name_too_long": "이름은 {max}자까지 쓸 수 있습니다 (지금 {n}자).",
    "rooms.name_taken": "이 방에서 누군가 이미 이 이름을 씁니다. 다른 이름을 고르거나, 이 기기에서 "
    "내 개인 링크를 열어 이어서 하세요.",
    "rooms.not_joined": "이 방에서 내 자리를 찾지 못했습니다. 방 코드와 이름으로 다시 들어오세요.",
    "rooms.bad_input": "방이 이 요청을 받을 수 없습니다: {error}",
    "rooms.unavailable": "지금은 방 데이터베이스에 연결할 수 없습니다. 이 페이지에서 하던 일은 "
    "계속할 수 있지만 방에 저장되지는 않습니다. 잠시 뒤 다시 해 보세요.",
    # ---- 참가자 ---------------------------------------------------------------------------------
    "room.join_title": "워크숍 방에 들어가기",
    "room.join_text": "워크숍에서는 강사가 보여 주는 방 코드와 내 이름을 입력하세요. 그러면 진행 "
    "상황, 퀴즈 답, 고정한 설정이 방에 저장되어 새로 고침을 하거나 다른 기기에서 열어도 그대로 "
    "돌아옵니다. 방이 없으면 진행 상황은 이 페이지 주소에 남습니다.",
    "room.code": "방 코드",
    "room.code.help": "`7K3M-Q9XA-W2HD`처럼 글자와 숫자 12개 (대소문자와 줄표는 상관없습니다).",
    "room.name": "내 이름",
    "room.name.help": "강사에게 보입니다 (40자까지). 다른 기기에서 이어서 하려면 같은 이름을 "
    "쓰세요.",
    "room.join": "방에 들어가기",
    "room.in": "방 **{title}** ({code}) · 내 이름 **{name}**",
    "room.welcome_back": "{name} 님, 다시 오셨네요: 이 방의 진행 상황을 되살렸습니다.",
    "room.saved": "진행 상황이 방에 저장됩니다.",
    "room.closed_note": "방이 닫혔습니다: 결과를 볼 수는 있지만 바꿀 수는 없습니다.",
    "room.personal": "내 개인 링크 (다른 사람에게 주지 마세요: 방 안의 내 자리를 엽니다). 모든 "
    "페이지 주소에 들어 있어 새로 고침해도 자리가 그대로입니다. 주소를 나눌 때는 `seat=…`을 "
    "지우세요.",
    "room.leave": "방에서 나가기",
    "room.exercises": "이 방의 연습 문제입니다 (강사가 정한 순서).",
    # ---- 연습 문제 페이지: 앞 단계를 통과한 설정에서 시작하는 단계 ----------------------------
    "ex.load_reached": "{n}단계를 통과한 설정 불러오기",
    "ex.load_reached.help": "{next}단계는 이 설정에서 시작합니다: 사이드바에 넣고 플레이그라운드를 "
    "엽니다.",
    # ---- 강사 페이지 ----------------------------------------------------------------------------
    "ins.nav": "강사",
    "ins.title": "강사 대시보드",
    "ins.shut": "강사 페이지가 닫혀 있습니다: 강사 키가 설정되지 않았습니다. 앱의 비밀 설정(`secrets`)이나 환경 "
    "변수에 `PLAYGROUND_INSTRUCTOR_KEY`(12자 이상)를 설정한 뒤 새로 고침하세요.",
    "ins.key": "강사 키",
    "ins.key.help": "앱의 비밀 설정(`secrets`)에 있는 값입니다. 이 브라우저 세션에만 남고 주소에는 절대 들어가지 "
    "않습니다.",
    "ins.open": "대시보드 열기",
    "ins.wrong_key": "강사 키가 아닙니다.",
    "ins.logout": "대시보드 잠그기",
    "ins.create": "새 방",
    "ins.room_title": "제목",
    "ins.room_title.help": "참가자에게 보이는 이름입니다. 예: “튜닝 워크숍, 화요일”.",
    "ins.pick": "연습 문제 (참가자가 보는 순서대로)",
    "ins.pick.help": "원하는 순서대로 고르세요. 하나를 빼고 다시 고르면 맨 뒤로 갑니다.",
    "ins.locks": "잠글 설정 (각 연습 문제의 시작 값으로)",
    "ins.locked": "이 방에서 잠긴 설정 (그 설정이 필요 없는 모든 연습 문제에서): {locks}.",
    "ins.at_start": "연습 문제의 시작 값",
    "ins.locked_auto": "이 방에서 잠긴 설정: 연습 문제에 필요 없는 설정 모두 (lock=auto), 연습 "
    "문제의 시작 값으로. 방이 정한 값으로: {values}.",
    "ins.lock_values": "이 값으로 잠그기 (선택, 연습 문제 링크처럼)",
    "ins.lock_values.help": "연습 문제 링크가 `lock=` 옆에 붙이는 것처럼 설정과 값을 씁니다. 예: "
    "`epochs=50&learning_rate=0.3`. 여기 적은 설정은 그 설정이 필요 없는 모든 연습 문제에서 이 "
    "값으로 잠깁니다.",
    "ins.bad_lock_values": "이 잠금 값은 쓸 수 없습니다: {parts}. 링크처럼 쓰고, 사이드바에 있는 "
    "값을 고르세요. 예: `epochs=50&learning_rate=0.3`.",
    "ins.locks.help": "참가자는 잠긴 설정을 바꿀 수 없습니다. 다만 연습 문제에 필요한 설정은 그 "
    "문제에서 잠기지 않습니다.",
    "ins.auto": "연습 문제에 필요 없는 설정을 모두 잠그기 (lock=auto)",
    "ins.days": "열어 둘 기간 (일)",
    "ins.by_name": "다른 기기에서도 같은 이름이면 같은 참가자",
    "ins.by_name.help": "켜면: 다른 기기에서 방 코드와 같은 이름을 입력하면 그 참가자의 진행 상황을 "
    "이어서 합니다. 끄면: 이름은 한 번만 쓸 수 있고, 참가자는 개인 링크로 이어서 합니다.",
    "ins.create_btn": "방 만들기",
    "ins.need_exercises": "연습 문제를 하나 이상 고르세요.",
    "ins.created": "방을 만들었습니다. 이 코드를 알려 주세요: {code}",
    "ins.rooms": "방",
    "ins.no_rooms": "아직 방이 없습니다: 위에서 만드세요.",
    "ins.room_label": "{title} · {code} · {status}",
    "ins.status.open": "열림",
    "ins.status.closed": "닫힘",
    "ins.status.expired": "기간 끝남",
    "ins.share": "참가자는 연습 문제 페이지를 열고 코드를 입력하거나, 이 링크를 엽니다 (페이지 "
    "주소 뒤에 붙입니다):",
    "ins.expires": "{date}까지 열려 있습니다.",
    "ins.closed_at": "{date}에 닫혔습니다: 읽기만 할 수 있습니다.",
    "ins.stuck": "막힘으로 볼 시간 (진행 없이 지난 분)",
    "ins.live": "실시간 ({s}초마다 새로 고침)",
    "ins.joined": "들어온 사람",
    "ins.solved_all": "모두 푼 사람",
    "ins.stuck_n": "막힌 사람",
    "ins.stuck_names": "막힌 것 같은 사람: {names}",
    "ins.nobody": "아직 아무도 들어오지 않았습니다.",
    "ins.per_exercise": "연습 문제별",
    "ins.attendees": "참가자",
    "ins.col.exercise": "연습 문제",
    "ins.col.started": "시작",
    "ins.col.solved": "풀이 완료",
    "ins.col.median": "걸린 시간 (중앙값)",
    "ins.col.mean": "걸린 시간 (평균)",
    "ins.col.quiz_right": "퀴즈 정답",
    "ins.col.name": "이름",
    "ins.col.joined": "들어온 때",
    "ins.col.last": "마지막 진행",
    "ins.col.checks": "확인 횟수",
    "ins.col.stuck": "막힘",
    "ins.yes": "예",
    "ins.no": "아니요",
    "ins.wrong": "자주 나온 실수",
    "ins.wrong_none": "아직 기록된 실수가 없습니다.",
    "ins.wrong_quiz": "틀린 퀴즈 답 “{answer}”: {n}명",
    "ins.wrong_prediction": "틀린 예측 “{answer}”: {n}명",
    "ins.wrong_fix": "통과하지 못한 확인: {failed} · 바꾼 설정: {changed} · {n}명",
    "ins.nothing_changed": "없음",
    "ins.export": "결과 내려받기 (CSV)",
    "ins.close": "방 닫기",
    "ins.sure": "네, 닫습니다: 참가자는 더는 아무것도 바꿀 수 없습니다",
    "ins.closed": "방을 닫았습니다. 데이터는 남고, 읽기만 할 수 있습니다.",
    "ins.seconds": "{s}초",
    "ins.minutes": "{m}분 {s}초",
}
