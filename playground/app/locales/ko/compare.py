"""한국어 messages of the compare page."""

MESSAGES = {
    "cmp.nav": "비교",
    "cmp.title": "만약에? 설정 비교",
    "cmp.intro": "지금 설정을 A로 고정하고 사이드바에서 손잡이 하나를 바꿔, 그 하나가 무엇을 바꾸는지 "
    "보세요. 시드가 같으면 데이터 분할이 같고, 구조가 같으면 초기 가중치도 같습니다: 달라지는 것은 "
    "바꾼 손잡이뿐입니다.",
    "cmp.pin": "지금 설정 고정하기",
    "cmp.pinned": "“{name}”(으)로 고정했습니다.",
    "cmp.full": "고정은 {n}개까지입니다: 먼저 하나를 지우세요.",
    "cmp.none": "아직 고정한 설정이 없습니다. 지금 설정을 고정한 뒤 손잡이를 바꿔 보세요.",
    "cmp.manage": "고정한 설정 ({n})",
    "cmp.name": "이름",
    "cmp.up": "위로",
    "cmp.down": "아래로",
    "cmp.delete": "지우기",
    "cmp.current": "지금 설정",
    "cmp.choose": "비교할 실행",
    "cmp.changed": "달라진 설정",
    "cmp.same": "두 설정이 같습니다.",
    "cmp.same_init": "초기 가중치가 같음: 예",
    "cmp.diff_init": "초기 가중치가 같음: 아니요 (초기화 방법, 배율, 시드 또는 구조가 다름)",
    "cmp.metrics": "최종 지표",
    "cmp.curves": "학습 곡선",
    "cmp.boundaries": "결정 경계",
    "cmp.disagree": "A와 B의 예측이 다른 곳 (빨강)",
    "cmp.disagree_share": "평면의 {share}에서 서로 다른 클래스를 예측합니다.",
    "cmp.no_disagree": "데이터가 다릅니다 (다른 시드나 데이터 세트): 평면이 겹치지 않습니다.",
    "cmp.gradients": "기울기 흐름",
    "cmp.download_json": "비교 내려받기 (JSON)",
    "cmp.download_csv": "기록 내려받기 (CSV)",
    "cmp.log": "로그 눈금",
}
