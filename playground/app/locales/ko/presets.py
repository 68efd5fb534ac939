"""새 학습 프리셋(playground/presets.py)의 제목과 볼거리 설명; 예전 것은 learn.py에 있습니다.
키: learn.preset.<key>, learn.preset.<key>.about."""

MESSAGES = {
    "learn.preset.vanishing_sgd": "깊은 시그모이드, 보통의 SGD",
    "learn.preset.vanishing_sgd.about": "노드 8개짜리 시그모이드 은닉층 다섯 개를 SGD로 학습합니다. "
    "거꾸로 가며 레이어마다 δ에 σ′(z) ≤ 0.25가 곱해져 레이어 1에는 출력의 오차 신호가 천분의 1쯤만 "
    "닿습니다. 비용은 ln 2 ≈ 0.69에 머물고 정확도는 우연 수준입니다.",
    "learn.preset.vanishing_adam": "같은 깊은 시그모이드, Adam",
    "learn.preset.vanishing_adam.about": "기울기는 똑같이 소실되지만 Adam은 파라미터마다 최근 "
    "기울기의 크기로 걸음을 나눕니다: 적응형 학습률이 이를 메워 주어 신경망이 moons 데이터를 "
    "배웁니다.",
}
