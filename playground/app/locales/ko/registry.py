"""레지스트리 항목(playground/nn)의 한국어 설명. 키는 각 항목의 `facts.text_key`이며
en/registry.py와 같습니다."""

MESSAGES = {
    # 활성화 함수
    "activation.linear.about": "비선형성이 없습니다: 출력이 z 그대로입니다. 선형 노드로 된 "
    "레이어를 여러 개 쌓아도 하나의 선형 함수입니다.",
    "activation.sigmoid.about": "z를 (0, 1)로 눌러 담습니다. 기울기가 최대 0.25이고 |z|가 크면 "
    "거의 0이라 노드가 포화되고, 깊게 쌓으면 기울기 소실이 일어납니다.",
    "activation.tanh.about": "z를 (−1, 1)로 눌러 담습니다. 0이 중심이고 기울기는 최대 1이며, "
    "Sigmoid처럼 |z|가 크면 포화됩니다.",
    "activation.relu.about": "양수 z는 그대로, 음수 z는 0으로 자릅니다: 기울기가 1 또는 0이라 "
    "계산이 싸고 z > 0에서는 포화되지 않습니다. 입력이 모두 음수인 노드는 기울기를 받지 못해 "
    "죽습니다.",
    "activation.leaky_relu.about": "음수 z에 작은 기울기를 준 ReLU입니다. 노드가 언제든 "
    "되살아날 수 있어 죽는 노드가 없습니다.",
    "activation.elu.about": "양수 z는 그대로, 음수 z는 −α로 다가가는 매끄러운 곡선입니다: 죽는 "
    "노드가 없고 출력의 평균이 ReLU보다 0에 가깝습니다.",
    "activation.maxout.about": "노드마다 선형 조각 두 개 중 큰 값을 냅니다: 노드가 자기만의 "
    "조각별 선형 활성화 함수를 배우지만 가중치가 두 배입니다.",
    "activation.selu.about": "λ ≈ 1.05배 한 ELU(α ≈ 1.67)입니다. 여러 레이어를 지나도 활성값의 "
    "평균 0, 분산 σ² = 1이 유지되도록 고른 상수입니다(자기 정규화).",
    "activation.gelu.about": "z에 표준 정규분포 값이 z보다 작을 확률을 곱합니다(여기서는 tanh "
    "근사식). 매끄러운 ReLU로, 트랜스포머에서 흔히 씁니다.",
    "activation.swish.about": "z · σ(z)이며 SiLU라고도 부릅니다: 매끄럽고, 작은 음수 z에서 "
    "조금 음수이며, |z|가 크면 ReLU에 가깝습니다.",
    "activation.softplus.about": "log(1 + eᶻ): 기울기가 Sigmoid인 매끄러운 ReLU로, 기울기가 "
    "정확히 0이 되지 않습니다.",
    # 가중치 초기화
    "initializer.zeros.about": "모든 가중치가 0입니다: 한 레이어의 노드가 모두 같은 값을 "
    "계산하고 같은 기울기를 받아 영원히 똑같이 남습니다(대칭).",
    "initializer.random_normal.about": "레이어 크기와 상관없이 σ = 0.05로 고정한 정규분포입니다: "
    "작은 레이어에는 괜찮지만 깊거나 넓은 신경망에서는 신호가 너무 작아집니다.",
    "initializer.random_uniform.about": "레이어 크기와 상관없이 ±0.05로 고정한 균일분포입니다.",
    "initializer.glorot_normal.about": "Glorot(Xavier): 레이어의 입력과 출력 노드 개수에 맞춰 "
    "σ를 줄인 정규분포로, 양방향으로 신호의 분산 σ²을 유지합니다. tanh와 Sigmoid에 알맞습니다.",
    "initializer.glorot_uniform.about": "분산 σ²이 같은 균일분포로 쓴 Glorot(Xavier)입니다. "
    "Keras의 기본값입니다.",
    "initializer.he_normal.about": "He: 레이어의 입력 노드 개수에만 맞춘 정규분포로, ReLU가 "
    "입력의 절반을 0으로 만들기 때문에 정사각 레이어에서 분산 σ²이 Glorot의 두 배입니다.",
    "initializer.he_uniform.about": "분산 σ²이 같은 균일분포로 쓴 He입니다. ReLU 계열에 알맞습니다.",
    "initializer.lecun_normal.about": "LeCun: 분산 σ²이 1/n_in인 정규분포로, SELU와 짝을 이룹니다.",
    "initializer.lecun_uniform.about": "분산 σ²이 같은 균일분포로 쓴 LeCun입니다.",
}
