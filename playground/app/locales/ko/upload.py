"""한국어 messages of the upload page."""

MESSAGES = {
    "up.label": "내 CSV 파일",
    "up.help": "UTF-8, 머리글 행, 숫자 특성 열 두 개, 그다음 레이블 열 (클래스 2–10개), 최대 20,000행.",
    "up.use": "내 데이터 사용: {name} ({n}행, 클래스 {k}개)",
    "up.error": "이 파일은 쓸 수 없습니다: {error}",
    "up.too_big": "파일이 {mb} MB보다 큽니다.",
    "up.active": "내 데이터로 학습합니다: “{name}”. 데이터 세트 설정은 쓰이지 않습니다.",
}
