"""한국어 messages of the learn page."""

MESSAGES = {
    "learn.nav": "배우기",
    "learn.title": "배우기: 튜닝 포인트 하나씩",
    "learn.intro": "주제를 고르세요. 주제마다 튜닝 포인트 하나를 몇 문장으로 설명하고, 수식을 보여 주고, "
    "플레이그라운드의 코드로 작은 그림을 그리고, 직접 해 볼 설정을 내놓습니다.",
    "learn.pick": "주제",
    "learn.sec.1": "① 입력 값 전처리",
    "learn.sec.2": "② 비용함수",
    "learn.sec.3": "③ 활성화 함수",
    "learn.sec.4": "④ 가중치 초기화",
    "learn.sec.5": "⑤ 최적화 알고리즘",
    "learn.sec.6": "⑥ 노드 개수",
    "learn.sec.7": "⑦ 레이어 개수",
    "learn.sec.reg": "L1 규제와 L2 규제",
    "learn.sec.backprop": "오차 역전파",
    "learn.sec.gradients": "기울기 소실과 폭주",
    "learn.equivalents": "PyTorch {torch} · Keras {keras} · scikit-learn {sklearn}",
    "learn.formulas": "수식",
    "learn.picture": "그림으로 보기",
    "learn.try": "플레이그라운드에서 해 보기",
    "learn.try_btn": "해 보기",
    "learn.dataset": "데이터 세트",
    "learn.scaler": "스케일러",
    "learn.feature": "특성",
    "learn.value": "값",
    "learn.density": "밀도",
    "learn.class": "클래스",
    "learn.before": "전처리 전",
    "learn.after": "전처리 후: {scaler}",
    "learn.1.text": "특성마다 눈금이 크게 다르면 경사하강법이 고르지 않은 방향으로 끌려갑니다: 가장 큰 "
    "특성이 기울기를 독차지하고, 포화되는 활성화 함수는 평평해집니다. 두 가지 처방이 있으며, 둘 다 학습 "
    "데이터로만 맞춘 뒤 테스트 데이터와 그림의 격자에 똑같이 적용합니다.\n\n"
    "- **표준화**는 각 *특성*을 평균 0, 표준편차 1로 바꿉니다 (scikit-learn의 `StandardScaler`). "
    "대체로 정규분포를 따르는 데이터에 씁니다. 축마다 따로 옮기고 늘이므로, 각 특성을 따라 점의 순서는 "
    "그대로지만 거리와 데이터의 가로세로 비율은 바뀝니다.\n"
    "- **정규화**는 *벡터*를 그 노름으로 나누어 길이를 1로 만듭니다. 그러면 모든 원소의 절댓값이 1 "
    "이하가 됩니다. scikit-learn의 `Normalizer`는 이것을 *샘플*(행)마다 합니다: 2차원 데이터에서는 "
    "모든 점이 단위원(L2)이나 마름모(L1) 위에 놓이고, 원점에서의 거리는 사라집니다. (슬라이드의 "
    "코드는 배열 전체를 노름 하나로 나누므로 데이터 모양은 그대로이고 크기만 줄어듭니다.)",
    "learn.1.std_tab": "표준화",
    "learn.1.norm_tab": "정규화",
    "learn.1.std_caption": "스케일러 전후 각 특성의 분포 ({dataset}의 학습 데이터).",
    "learn.1.norm_pick": "노름",
    "learn.1.norm_caption": "왼쪽: 원래 데이터. 오른쪽: Normalizer({norm})를 거친 같은 점들과 세 "
    "노름의 단위 공. 각 점의 {norm} 노름은 전처리 전 {lo}–{hi}, 후에는 언제나 1입니다.",
    "learn.1.ball": "단위 공",
    "learn.2.text": "비용함수는 예측이 정답에서 얼마나 먼지 잽니다. 학습은 이 값을 낮춥니다. "
    "분류에는 **교차 엔트로피**를 씁니다: 엔트로피는 p를 최적으로 부호화하는 데 필요한 비트 수이고, "
    "교차 엔트로피는 p를 모델의 분포 q로 부호화할 때 드는 정보량입니다. q = p일 때 가장 작아 p의 "
    "엔트로피와 같아지고, q가 멀어질수록 커집니다. 다른 선택인 **평균 제곱 오차**(MSE)는 확률을 "
    "그냥 숫자처럼 비교하므로, 시그모이드 출력이 포화되면 학습이 느려집니다.",
    "learn.2.distance": "p와 q의 평균 사이 거리",
    "learn.2.sigma": "q의 퍼짐 (σ_q)",
    "learn.2.h_pq": "교차 엔트로피 H(p, q)",
    "learn.2.h_p": "엔트로피 H(p)",
    "learn.2.kl": "추가 비용 H(p, q) − H(p)",
    "learn.2.nats": "{v} 내트",
    "learn.2.caption": "p = N(0, 1) (파랑)이 정답, q (빨강)가 모델입니다. 값은 그림의 격자에서 "
    "−Σ p(x) log q(x) Δx로 계산했습니다.",
    "learn.2.grad_title": "정답이 1인 예에서 출력의 기울기",
    "learn.2.grad_caption": "출력 로짓 z에 따른 |∂L/∂z|. 왼쪽 끝은 시그모이드가 포화된 채 틀린 "
    "곳입니다: 교차 엔트로피는 여전히 ≈ 1로 밀지만 MSE는 거의 0입니다.",
    "learn.2.logit": "출력의 로짓 z",
    "learn.2.grad": "|∂L/∂z|",
    "learn.2.pick": "비용함수",
    "learn.2.loss": "비용함수",
    "learn.3.text": "뉴런은 선형 함수 W·x + b를 계산해 **활성화 함수**에 넣습니다. 활성화 함수가 "
    "없으면 레이어를 아무리 쌓아도 선형 함수 하나일 뿐입니다. 오차 역전파는 레이어마다 활성화 함수의 도함수 "
    "f′를 곱합니다: f′가 0에 가까운 곳(시그모이드와 tanh의 평평한 꼬리)에서는 노드가 *포화*되어 "
    "기울기가 흐려집니다. ReLU의 f′는 양수 입력에서 정확히 1, 음수 입력에서 0입니다 (한 번도 켜지지 "
    "않는 노드는 *죽은* 노드입니다).",
    "learn.3.pick": "활성화 함수",
    "learn.3.f": "f(z)",
    "learn.3.df": "f′(z)",
    "learn.3.x": "z",
    "learn.3.curve": "곡선",
    "learn.3.saturated": "포화 구간 (f′가 최댓값의 {pct} % 미만)",
    "learn.3.maxout": "조각이 {pieces}개인 Maxout을 w = ({w1}, {w2}), b = (0, 0)으로 그렸습니다: "
    "max({w1}x, {w2}x).",
    "learn.4.text": "학습 전에 모든 가중치를 분포에서 뽑습니다: **정규분포**(0을 중심으로 한 종 "
    "모양)나 **균일분포**(±r 안에서 고르게)입니다. 퍼짐이 중요합니다: 너무 작으면 신호와 기울기가 "
    "레이어마다 줄어들고(기울기 소실), 너무 크면 레이어마다 커집니다(기울기 폭주). 다만 시그모이드나 "
    "tanh 노드가 포화되는 곳에서는 f′ → 0이 되어 결국 기울기가 사라집니다. **Glorot(Xavier)** 초기화는 "
    "레이어의 입력과 출력 수에 맞춰 퍼짐을 정하며 tanh와 시그모이드에 알맞고, **He**는 입력 수만 보며 "
    "ReLU에 알맞습니다. 모두 0으로 두는 것은 대표적인 실수입니다: 한 레이어의 노드가 영원히 똑같습니다.",
    "learn.4.slide": "**슬라이드와 표준 식의 차이.** 슬라이드는 Glorot 정규분포를 σ = √(6/(n_in + "
    "n_out))로, 균일분포의 범위 r과 같게 적었습니다. 표준 식(Glorot & Bengio 2010, PyTorch, Keras)과 "
    "플레이그라운드는 σ = √(2/(n_in + n_out))를 씁니다: 그래야 정규분포의 분산이 U(−r, r)의 분산 "
    "r²/3과 같습니다. 슬라이드는 He를 두 분포 모두 √2·√(6/(n_in + n_out))로 적었지만, He 외(2015), "
    "PyTorch, Keras와 플레이그라운드는 레이어의 입력 수만 씁니다: r = √(6/n_in), σ = √(2/n_in). "
    "또 슬라이드는 σ를 분산이라고 불렀지만 σ는 표준편차이고, 분산은 σ²입니다.",
    "learn.4.formula": "초기 가중치 W",
    "learn.4.method": "방법",
    "learn.4.pick": "초기화 방법",
    "learn.4.fan_in": "레이어의 입력 노드 개수 (n_in)",
    "learn.4.fan_out": "레이어의 출력 노드 개수 (n_out)",
    "learn.4.weight": "초기 가중치",
    "learn.4.count": "개수",
    "learn.4.normal": "이론: σ = {s}. 측정한 표준편차: {m}.",
    "learn.4.uniform": "이론: −{s}에서 {s} 사이. 측정: {lo}에서 {hi}.",
    "learn.4.zeros": "모든 가중치가 정확히 0입니다.",
    "learn.4.caption": "{i} × {o} 레이어 하나의 가중치 {n}개 (시드 {seed}). 빨간 선은 ±σ 또는 ±r입니다.",
    "learn.5.text": "**경사하강법**은 편미분으로 구한 비용함수의 기울기 반대 방향으로 가중치를 "
    "옮깁니다. 한 걸음의 크기는 **학습률** η가 정합니다. 전체 배치 경사하강법은 걸음마다 학습 데이터 "
    "전부를 쓰고, **확률적 경사하강법**(SGD)은 작은 무작위 배치로 한 에포크에 여러 번 걸음을 "
    "내딛습니다: 길은 흔들리지만 같은 에포크 수로 더 멀리 갑니다. 비용함수에는 *최솟값* 말고도 "
    "*극솟값*이 있을 수 있습니다. **모멘텀**은 관성을 더해 기울기가 0인 곳에서도 갱신이 이어지게 "
    "하고, **AdaGrad**는 파라미터마다 학습률을 따로 두어 지난 기울기가 컸던 파라미터일수록 조금 움직입니다. "
    "**RMSProp**은 AdaGrad의 학습률이 0으로 줄어드는 문제를 최근 기울기에 더 무게를 두어 고치고, "
    "**Adam**은 모멘텀과 RMSProp을 합칩니다. 아래 규칙은 플레이그라운드가 따르는 PyTorch "
    "(`torch.optim`)의 것입니다.",
    "learn.5.batch": "g는 배치 B의 평균 기울기입니다: 경사하강법은 학습 데이터 전체, SGD는 작은 무작위 "
    "배치.",
    "learn.5.pick": "최적화 알고리즘",
    "learn.5.defaults": "여기서 쓰는 기본값: {defaults}",
    "learn.5.lab": "최적화 실험실에서 최적화 알고리즘이 비용 곡면을 걸어가는 모습을 보세요.",
    "learn.5.lab_link": "최적화 실험실 열기",
    "learn.5.lr": "학습률 η",
    "learn.5.steps_caption": "L(w) = w²에서 w = {w0}부터 경사하강법: 걸음마다 w ← w − η·2w = "
    "(1 − 2η)·w이므로, η = {lr}이면 걸음마다 w에 {factor:을/를} 곱합니다.",
    "learn.5.gd.one_side": "w가 한쪽에서 최솟값으로 다가가며, 걸음이 점점 짧아집니다: {steps}걸음 뒤 "
    "w = {w_end}.",
    "learn.5.gd.one_step": "첫 걸음에 정확히 최솟값 w = 0에 닿아 그대로 머뭅니다.",
    "learn.5.gd.zigzag": "w가 걸음마다 최솟값을 건너뛰지만 점점 다가갑니다: {steps}걸음 뒤 w = {w_end}.",
    "learn.5.gd.bounce": "w가 {w0:과/와} −{w0} 사이를 끝없이 오갑니다: 비용이 전혀 줄지 않습니다.",
    "learn.5.gd.diverge": "w가 걸음마다 최솟값을 건너뛰어 더 멀리 떨어집니다: {steps}걸음 뒤 w = "
    "{w_end}이고, 계속 커집니다 (발산).",
    "learn.5.weight": "가중치 w",
    "learn.5.loss": "비용 L(w)",
    "learn.5.step": "걸음",
    "learn.6.text": "**노드**가 충분하면 은닉층 하나로도 어떤 데이터든 표현할 수 있고, 노드가 "
    "많을수록 더 복잡한 경계를 그립니다. 노드가 너무 적으면 데이터를 따라가지 못하고(**과소적합**), "
    "데이터가 적거나 노이즈가 많은데 노드가 너무 많으면 노이즈까지 외웁니다(**과대적합**): 학습 "
    "비용은 계속 내려가는데 테스트 비용은 오릅니다. 강의는 은닉 노드 개수에 대한 경험적 기준을 "
    "제시합니다. 플레이그라운드의 입력 2개, 출력 1개에는 아주 작은 은닉층을 권하니, 먼저 시험해 보고 "
    "데이터가 실제로 무엇을 요구하는지 보세요.",
    "learn.6.rules": "입력 2개, 출력 1개일 때의 경험적 기준",
    "learn.6.rule": "기준",
    "learn.6.nodes": "은닉 노드 개수",
    "learn.6.rule.between": "입력층 크기와 출력층 크기 사이",
    "learn.6.rule.two_thirds": "입력층 크기의 2/3에 출력층 크기를 더한 값",
    "learn.6.rule.twice": "입력층 크기의 두 배 미만",
    "learn.6.sweep": "{dataset}에서 노드 {lo} … {hi}개인 은닉층 하나의 학습·테스트 정확도 "
    "({activation}, {optimizer}, {epochs} 에포크; 지금 학습하고 캐시에 둡니다).",
    "learn.6.width": "은닉층의 노드 개수",
    "learn.accuracy": "정확도",
    "learn.split": "데이터",
    "learn.train": "학습",
    "learn.test": "테스트",
    "learn.7.text": "**은닉층**이 많으면 단순한 조각을 조합해 복잡한 모양을 만들 수 있습니다: 레이어마다 "
    "평면을 한 번 더 접을 수 있어서, 깊고 좁은 신경망이 얕은 신경망이라면 노드가 많이 필요한 일을 "
    "해냅니다. 대가도 있습니다: 기울기가 거쳐 가야 할 레이어가 늘고 (기울기 소실이나 폭주), 과대적합할 "
    "용량도 커집니다.",
    "learn.7.sweep": "{dataset}에서 노드 {width}개짜리 은닉층 {lo} … {hi}개의 학습·테스트 정확도 "
    "({activation}, {optimizer}, {epochs} 에포크; 지금 학습하고 캐시에 둡니다).",
    "learn.7.depth": "은닉층 개수",
    "learn.7.params": "P: 가중치와 편향의 개수. 입력 {n_in}개, 노드 {width}개짜리 레이어, 출력 {n_out}개일 "
    "때: {list}.",
    "learn.7.layers": "은닉층 {d}개: {n}",
    "learn.backprop.text": "**오차 역전파**는 네 단계로 가중치마다 오차에 대한 기여도를 계산한 "
    "뒤, 경사하강법으로 오차가 줄어드는 방향으로 가중치를 조정합니다. 연쇄 법칙이 핵심입니다: 레이어마다 "
    "오차 신호 δ를 가중치와 활성화 함수의 도함수를 거쳐 뒤로 보냅니다.",
    "learn.backprop.s1": "**1. 예측 (정방향):** 각 레이어, 각 노드의 출력 계산.",
    "learn.backprop.s2": "**2. 오차 계산:** 출력과 실제 값의 차이 계산.",
    "learn.backprop.s3": "**3. 영향도 분석 (역방향):** 각 레이어, 각 노드가 오차에 기여한 정도 "
    "계산.",
    "learn.backprop.s4": "**4. 가중치 조정:** 경사하강법으로 오차가 줄어드는 방향으로 가중치 조정.",
    "learn.backprop.page": "오차 역전파 페이지에서 실제 숫자로 한 걸음씩 따라가 보세요.",
    "learn.backprop.link": "오차 역전파 페이지 열기",
    "learn.gradients.text": "오차 역전파는 오차 신호에 레이어마다 가중치와 f′(z)를 곱합니다. 이 값들이 "
    "1보다 작으면 입력층 쪽으로 갈수록 기울기가 급격히 줄어듭니다: **기울기 소실**입니다. 초기 "
    "가중치가 너무 작거나, 활성화 함수의 출력 구간이 입력에 비해 너무 작을 때 (시그모이드, f′ ≤ "
    "{peak}) 생깁니다. 1보다 크면 입력층 쪽으로 갈수록 급격히 커집니다: **기울기 폭주**입니다. 초기 "
    "가중치가 너무 크거나 활성화 함수의 출력 구간이 너무 클 때 생깁니다. 아래 그림은 막 초기화한 "
    "신경망에서 플레이그라운드의 진단이 재는 값을 잽니다: 레이어마다 도달하는 오차 신호 "
    "δ_l = ∂L/∂z_l, 비율 ‖δ₁‖ / ‖δ_L‖, 그리고 모든 레이어에서 똑같이 아주 작거나 아주 큰 기울기도 "
    "잡아내는 레이어별 걸음 크기 ‖∂L/∂W_l‖ / ‖W_l‖입니다.",
    "learn.gradients.activation": "활성화 함수",
    "learn.gradients.scale": "초기 가중치 배율",
    "learn.gradients.depth": "은닉층 수",
    "learn.gradients.width": "레이어당 노드 수",
    "learn.gradients.layer": "레이어 (1 = 입력 쪽)",
    "learn.gradients.norm": "오차 신호 ‖δ_l‖",
    "learn.gradients.ratio": "비율 ‖δ₁‖ / ‖δ_L‖ (첫 레이어 / 마지막 레이어)",
    "learn.gradients.vanishing": "기울기 소실: 첫 레이어가 출력 레이어 오차 신호의 {limit}도 받지 "
    "못합니다.",
    "learn.gradients.vanishing_step": "모든 레이어의 기울기 소실: 레이어마다 기울기가 가중치의 "
    "{limit}보다 작아(‖∂L/∂W_l‖ / ‖W_l‖), 비율과 상관없이 어느 레이어도 배우지 못합니다.",
    "learn.gradients.exploding": "기울기 폭주: 첫 레이어의 오차 신호가 출력 레이어의 {limit}배를 "
    "넘습니다.",
    "learn.gradients.exploding_step": "모든 레이어의 기울기 폭주: 레이어마다 기울기가 가중치의 "
    "{limit}배를 넘어(‖∂L/∂W_l‖ / ‖W_l‖), 크기 1인 걸음 한 번이 모든 가중치를 갈아치웁니다.",
    "learn.gradients.growing": "입력 쪽으로 갈수록 커집니다 ({ratio}배, {limit}배 초과): 폭주로 가는 "
    "길입니다.",
    "learn.gradients.healthy": "기울기가 첫 레이어까지 잘 전달됩니다.",
    "learn.gradients.caption": "막 초기화한 신경망({init})의 오차 신호. {dataset}의 표준화한 점 "
    "{n}개에서 학습이 첫 걸음 전에 기록하는 방식 그대로 플레이그라운드의 신경망 코드로 계산했습니다. "
    "로그 눈금.",
    "learn.preset.normalizer": "동심원에 Normalizer (L2)",
    "learn.preset.normalizer.about": "모든 점이 단위원 위로 옮겨져 두 클래스가 겹칩니다: 테스트 "
    "정확도가 찍기 수준을 넘지 못합니다.",
    "learn.preset.standard": "동심원에 StandardScaler",
    "learn.preset.standard.about": "같은 실행을 표준화로: 반지름이 살아남아 동심원을 배웁니다.",
    "learn.preset.mse": "포화된 시그모이드에 MSE",
    "learn.preset.mse.about": "가중치 ×20이 시그모이드 노드를 포화시킵니다. MSE로는 비용이 천천히 "
    "줄고, 열 에포크 동안 정확도가 50 % 아래에 머뭅니다.",
    "learn.preset.ce": "같은 시작점에 교차 엔트로피",
    "learn.preset.ce.about": "비용함수만 다릅니다: 열 에포크 안에 정확도가 90 %를 넘습니다.",
    "learn.preset.zeros": "모든 가중치 0",
    "learn.preset.zeros.about": "한 레이어의 노드가 모두 똑같이 배웁니다: 뉴런 보기에서 모든 노드가 "
    "같습니다.",
    "learn.preset.exploding": "큰 초기 가중치",
    "learn.preset.exploding.about": "가중치 ×20인 노드 32개짜리 tanh 은닉층 여섯 개: 기울기가 입력 쪽으로 "
    "200배쯤 커집니다.",
    "learn.preset.lr_high": "너무 큰 학습률",
    "learn.preset.lr_high.about": "η = 10인 SGD: 첫 에포크에서 비용이 터집니다.",
    "learn.preset.gd": "전체 배치 경사하강법",
    "learn.preset.gd.about": "에포크마다 한 걸음: 100 에포크가 100걸음이고, 비용이 아직 높습니다.",
    "learn.preset.sgd": "미니배치 SGD, 같은 에포크",
    "learn.preset.sgd.about": "배치 16: 에포크마다 25걸음, 같은 100 에포크에 비용이 훨씬 낮습니다.",
    "learn.preset.underfit": "나선에 노드 두 개",
    "learn.preset.underfit.about": "노드가 너무 적어 경계가 나선 팔을 따라가지 못합니다 (과소적합).",
    "learn.preset.overfit": "넓고 깊은 신경망, 적고 시끄러운 데이터",
    "learn.preset.overfit.about": "학습 데이터 50개에 노드 32개짜리 은닉층 셋: 학습 비용은 0으로 가는데 "
    "테스트 비용은 오릅니다 (과대적합).",
}
