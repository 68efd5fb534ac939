"""한국어 messages of Draw mode (playground/app/draw.py)."""

MESSAGES = {
    "draw.toggle": "데이터 직접 그리기",
    "draw.help": "평면을 클릭해 클래스별 점을 더하거나 지웁니다. 그러면 신경망이 내가 그린 점으로 "
    "학습합니다. 테스트 비율, 스케일러, 특성 입력은 다른 데이터 세트와 똑같이 적용됩니다.",
    "draw.mode": "평면을 클릭해 점 추가 또는 지우기",
    "draw.mode.help": "지우기는 클릭한 곳에서 가장 가까운 점을 없앱니다.",
    "draw.mode.0": "클래스 0",
    "draw.mode.1": "클래스 1",
    "draw.mode.erase": "지우기",
    "draw.count": "점: {n}개 (클래스 0이 {n0}개, 클래스 1이 {n1}개).",
    "draw.clear": "모두 지우기",
    "draw.copy": "현재 데이터 세트에서 시작",
    "draw.csv": "CSV로 내려받기",
    "draw.in_link": "페이지 주소에 이 그림이 들어 있습니다 (최대 {max}개 점). 주소를 복사하면 그림까지 "
    "함께 공유됩니다.",
    "draw.no_link": "점 {n}개는 링크에 담을 수 있는 수({max}개)보다 많습니다. 이 그림을 보관하거나 "
    "공유하려면 CSV를 내려받으세요. 사이드바의 CSV 올리기로 다시 읽을 수 있습니다.",
    "draw.type": "좌표로 점 입력",
    "draw.apply.0": "여기에 클래스 0 점 추가",
    "draw.apply.1": "여기에 클래스 1 점 추가",
    "draw.apply.erase": "여기서 가장 가까운 점 지우기",
    "draw.too_few": "두 클래스의 점을 모두 추가하세요. 학습하려면 점이 {min}개 이상 필요합니다 "
    "(지금 {n}개: 클래스 0이 {n0}개, 클래스 1이 {n1}개).",
    "draw.one_class": "두 클래스의 점을 모두 추가하세요. 지금은 점 {n}개가 모두 한 클래스입니다 "
    "(클래스 0이 {n0}개, 클래스 1이 {n1}개).",
    "draw.split": "점을 더 추가하세요. 테스트 비율이 {tf}이면 이 점 {n}개(클래스 0이 {n0}개, "
    "클래스 1이 {n1}개)로는 두 클래스가 모두 들어간 학습 세트와 테스트 세트를 나눌 수 없습니다.",
    "draw.active": "내가 그린 데이터로 학습합니다. 데이터 세트, 샘플 수, 노이즈 설정은 쓰이지 않고 "
    "테스트 비율, 스케일러, 특성 입력은 적용됩니다.",
    "draw.bad_link": "이 링크의 그림(`points=`{value})을 읽을 수 없습니다: {error} 링크의 나머지 "
    "설정은 그대로 사용합니다.",
    "draw.copied": "현재 데이터 세트의 점 {n}개를 복사했습니다.",
    "draw.note.classes": "클래스 0과 1만 복사했습니다.",
    "draw.note.sampled": "그중 무작위로 {max}개를 골랐습니다.",
    "draw.note.rescaled": "그리기 평면(−{plane}에서 {plane})에 맞도록 축마다 크기를 조정했습니다.",
    "draw.err.value": "{value:은/는} 숫자가 아닙니다.",
    "draw.err.range": "좌표({value})가 평면 밖에 있습니다. 평면은 −{plane}에서 {plane}까지입니다.",
    "draw.err.class": "{value:은/는} 클래스가 아닙니다. 0 또는 1을 쓰세요.",
    "draw.err.full": "그림이 가득 찼습니다. 점은 최대 {max}개까지입니다.",
    "draw.err.too_many": "점이 {n}개로, 링크에 담을 수 있는 수({max}개)보다 많습니다.",
    "draw.err.chars": "{char:은/는} 그림 링크에 쓰는 문자(A–Z, a–z, 0–9, - 와 _)가 아닙니다.",
    "draw.err.length": "길이({n}자)가 4의 배수가 아닙니다 (점 하나에 4자).",
    "draw.err.json": "`points`는 [x1, x2, 클래스] 세 값 목록이어야 하며 최대 {max}개입니다.",
    "draw.err.not_classes": "이 데이터 세트에는 복사할 클래스가 없습니다. 분류 데이터 세트에서 "
    "시작하세요.",
}
